using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Rapport.UnitTests.Architecture;

/// <summary>The product's compiled assemblies, and what their code refers to and constructs, read from their IL and metadata.</summary>
internal static class ProductAssemblies
{
    /// <summary>Every Rapport assembly the host ships (Core, Web, the demo and migrations once they are projects), not the tests'.</summary>
    public static Assembly[] All() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Rapport.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not ("Rapport.UnitTests" or "Rapport.Testing"))
            .Select(name => Assembly.Load(name!))
            .ToArray();

    /// <summary>
    /// Every type the assembly's metadata refers to in another assembly (in signatures, method bodies and attributes alike),
    /// by namespace and full name; a nested type by its outermost type's namespace.
    /// </summary>
    public static List<(string Namespace, string FullName)> ReferencedTypes(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(h => Named(md, md.GetTypeReference(h))).Distinct().ToList();
    }

    private static (string Namespace, string FullName) Named(MetadataReader md, TypeReference type)
    {
        if (type.ResolutionScope.Kind != HandleKind.TypeReference)
        {
            var ns = md.GetString(type.Namespace);
            return (ns, $"{ns}.{md.GetString(type.Name)}");
        }
        var outer = Named(md, md.GetTypeReference((TypeReferenceHandle)type.ResolutionScope));
        return (outer.Namespace, $"{outer.FullName}+{md.GetString(type.Name)}");
    }

    /// <summary>The top-level types whose code (lambdas and state machines included) constructs <paramref name="constructed"/> with <c>new</c>.</summary>
    public static IEnumerable<Type> Constructing(Assembly assembly, Type constructed) =>
        Types(assembly)
            .Where(type => Methods(type).Any(method => NewobjTargets(method).Any(ctor => ctor.DeclaringType == constructed)))
            .Select(TopLevel)
            .Distinct();

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static Type[] Types(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>().ToArray(); }
    }

    private static IEnumerable<MethodBase> Methods(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)).Concat(type.TypeInitializer is { } cctor ? [cctor] : []);

    private static Type TopLevel(Type type) => type.DeclaringType is { } outer ? TopLevel(outer) : type;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(c => c.Value);

    private static IEnumerable<MethodBase> NewobjTargets(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            var code = OpCodesByValue[value];
            i += code.Size;
            if (code == OpCodes.Newobj)
            {
                var target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i),
                    method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null,
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
                if (target is not null) yield return target;
            }
            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
