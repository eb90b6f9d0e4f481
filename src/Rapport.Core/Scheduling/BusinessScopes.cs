using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;

namespace Rapport.Core.Scheduling;

public static class BusinessScopes
{
    /// <summary>Runs work once per business, each in its own scope acting for that business.</summary>
    public static async Task ForEachAsync(IServiceProvider services, Func<IServiceProvider, Guid, Task> work, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        List<Guid> ids;
        using (var scope = scopes.CreateScope())
            ids = await scope.ServiceProvider.GetRequiredService<RapportDb>().Businesses.Select(b => b.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Set(id);
            await work(scope.ServiceProvider, id);
        }
    }
}
