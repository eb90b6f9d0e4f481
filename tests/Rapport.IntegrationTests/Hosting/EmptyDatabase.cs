using Rapport.Testing;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>
/// One app over an empty database for the hosting tests: none of them needs the demo data, and only
/// the set-up test creates a business, which the others do not look at.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmptyDatabase : ICollectionFixture<EmptyRapportApp>
{
    public const string Name = "Empty database";
}
