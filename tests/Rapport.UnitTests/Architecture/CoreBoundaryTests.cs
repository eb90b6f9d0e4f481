using System.Reflection;
using Rapport.Core.Data;

namespace Rapport.UnitTests.Architecture;

/// <summary>Core knows nothing of HTTP, pages or endpoints; it may use ASP.NET Core's Identity stores and Data Protection.</summary>
public class CoreBoundaryTests
{
    private static readonly Assembly Core = typeof(RapportDb).Assembly;

    // The parts of the ASP.NET Core shared framework that Core may use.
    private static readonly string[] AllowedAspNetCoreAssemblies =
    [
        "Microsoft.AspNetCore.DataProtection",
        "Microsoft.AspNetCore.DataProtection.Abstractions",
        "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore",
        "Microsoft.AspNetCore.Cryptography.Internal",
        "Microsoft.AspNetCore.Cryptography.KeyDerivation",
        "Microsoft.AspNetCore.Identity.EntityFrameworkCore",
    ];

    private static readonly string[] ForbiddenNamespaces =
    [
        "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Razor",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Builder",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Components",
        "Rapport.Web",
    ];

    private static string[] ReferencedAssemblies() =>
        Core.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Core_does_not_reference_the_web_host_or_the_migrations() =>
        ReferencedAssemblies().ShouldNotContain(name => name.StartsWith("Rapport.", StringComparison.Ordinal));

    [Theory]
    [InlineData("Microsoft.AspNetCore.Mvc")]
    [InlineData("Microsoft.AspNetCore.Razor")]
    [InlineData("Microsoft.AspNetCore.Routing")]
    [InlineData("Microsoft.AspNetCore.Http")]
    [InlineData("Microsoft.AspNetCore.Components")]
    [InlineData("Microsoft.AspNetCore.Authentication")]
    [InlineData("Microsoft.AspNetCore.Hosting")]
    public void Core_does_not_reference_web_frameworks(string prefix) =>
        ReferencedAssemblies().ShouldNotContain(name => name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Core_uses_of_the_aspnetcore_framework_only_identity_and_data_protection() =>
        ReferencedAssemblies()
            .Where(name => name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
            .ShouldAllBe(name => AllowedAspNetCoreAssemblies.Contains(name));

    [Fact]
    public void No_type_in_core_uses_http_mvc_or_routing_types()
    {
        var offences = Core.GetTypes()
            .SelectMany(type => TypesUsedBy(type).Select(used => (type, used)))
            .Where(x => ForbiddenNamespaces.Any(ns => x.used.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal))))
            .Select(x => $"{x.type.FullName} uses {x.used.FullName}")
            .Distinct()
            .ToList();

        offences.ShouldBeEmpty();
    }

    [Fact]
    public void No_code_in_core_refers_to_http_mvc_or_routing_types()
    {
        // Read from the metadata, so a use inside a method body counts as much as one in a signature.
        var offences = ProductAssemblies.ReferencedTypes(Core)
            .Where(t => ForbiddenNamespaces.Any(ns => t.Namespace == ns || t.Namespace.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        offences.ShouldBeEmpty();
    }

    [Fact]
    public void The_metadata_scan_sees_the_types_code_refers_to()
    {
        // Guards the test above from passing because it reads nothing: it sees Core's Identity and the web host's HTTP types.
        ProductAssemblies.ReferencedTypes(Core).Select(t => t.FullName).ShouldContain(typeof(Microsoft.AspNetCore.Identity.UserManager<>).FullName!);
        var web = ProductAssemblies.ReferencedTypes(typeof(Rapport.Web.Hosting.ApiResults).Assembly).Select(t => t.FullName).ToList();
        web.ShouldContain(typeof(Microsoft.AspNetCore.Http.HttpContext).FullName!);
        web.ShouldContain(typeof(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult).FullName!);
    }

    [Fact]
    public void The_scan_sees_the_types_core_does_use()
    {
        // Guards the test above from passing because it looks at nothing.
        var used = Core.GetTypes().SelectMany(TypesUsedBy).Select(t => t.FullName).ToHashSet();

        used.ShouldContain(typeof(Microsoft.EntityFrameworkCore.DbContextOptions<>).FullName);
        used.ShouldContain(typeof(Microsoft.AspNetCore.Identity.UserManager<>).FullName);
    }

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type named in a type's signatures, fields, locals and attributes, generic arguments included.</summary>
    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        direct.AddRange(type.GetFields(Everything).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(Everything).Select(p => p.PropertyType));
        direct.AddRange(type.GetEvents(Everything).Select(e => e.EventHandlerType));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo m) direct.Add(m.ReturnType);
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            direct.AddRange(method.GetCustomAttributesData().Select(a => a.AttributeType));
            if (method.IsGenericMethodDefinition) direct.AddRange(method.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()));
            direct.AddRange(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
        }
        return direct.OfType<Type>().SelectMany(Unwrap).Distinct();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType) return Unwrap(type.GetElementType()!);
        if (type.IsGenericParameter) return [];
        if (!type.IsGenericType || type.IsGenericTypeDefinition) return [type];
        return type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition());
    }
}
