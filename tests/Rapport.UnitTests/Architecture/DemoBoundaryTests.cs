using System.Reflection;
using Rapport.Core.Data;
using Rapport.Demo;

namespace Rapport.UnitTests.Architecture;

/// <summary>The demo lives in Rapport.Demo, which depends on Core; Core knows nothing of it nor of its generator (Bogus).</summary>
public class DemoBoundaryTests
{
    private static readonly Assembly Core = typeof(RapportDb).Assembly;
    private static readonly Assembly Demo = typeof(DemoSeeder).Assembly;

    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_references_neither_the_demo_nor_bogus()
    {
        References(Core).ShouldNotContain("Rapport.Demo");
        References(Core).ShouldNotContain("Bogus");
        Core.GetTypes().ShouldNotContain(t => t.Namespace != null && t.Namespace.EndsWith(".Demo", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_sees_the_demo_depend_on_core_and_bogus()
    {
        // Guards the test above from passing because it reads no references at all.
        References(Demo).ShouldContain("Rapport.Core");
        References(Demo).ShouldContain("Bogus");
    }
}
