using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Businesses;

public static class BusinessClock
{
    /// <summary>The current business's time zone (UTC when this machine does not know its id).</summary>
    public static async Task<TimeZoneInfo> TimeZoneAsync(this RapportDb db, CancellationToken ct) =>
        LocalClock.Zone(await db.Businesses.Where(b => b.Id == db.CurrentBusinessId).Select(b => b.TimeZone).FirstAsync(ct));
}
