using System.Reflection;
using Rapport.Core.Data;
using Rapport.Core.Timeline;

namespace Rapport.UnitTests.Architecture;

/// <summary>A feature changes another feature's data only through that feature's use case: timeline entries through Timeline.</summary>
public class OwnedWritesTests
{
    private static readonly Assembly[] Product = ProductAssemblies.All();

    [Fact]
    public void The_scan_covers_core_and_the_web_host()
    {
        Product.ShouldContain(typeof(RapportDb).Assembly);
        Product.ShouldContain(typeof(Rapport.Web.Hosting.Scheduler).Assembly);
    }

    [Fact]
    public void Only_timeline_constructs_timeline_entries()
    {
        var writers = Product
            .SelectMany(assembly => ProductAssemblies.Constructing(assembly, typeof(Interaction)))
            .Where(type => type.Namespace != typeof(Interaction).Namespace)
            .Select(type => type.FullName)
            .ToList();

        writers.ShouldBeEmpty("Record timeline entries with TimelineEntries.Record.");
    }

    [Fact]
    public void The_scan_sees_timeline_construct_its_entries()
    {
        // Guards the test above from passing because it finds nothing: Timeline's own writer is seen.
        ProductAssemblies.Constructing(typeof(Interaction).Assembly, typeof(Interaction)).ShouldContain(typeof(TimelineEntries));
    }
}
