using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>Data Protection keys live in the database: what one node protects, another node on the same database reads.</summary>
public sealed class DataProtectionKeysTests(RapportApp first) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_second_node_on_the_same_database_unprotects_what_the_first_protected()
    {
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("keys-test").Protect("the florist's secret");
        (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync(Api.Ct))).ShouldBeGreaterThan(0);

        // A second app with a database of its own, told to use the first one's, as a second node would be.
        await using var second = new RapportApp().With("ConnectionStrings:Rapport", first.ConnectionString);
        await second.InitializeAsync();

        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("keys-test").Unprotect(secret)
            .ShouldBe("the florist's secret");
    }
}
