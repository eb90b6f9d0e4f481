using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Web.Hosting;

/// <summary>Shows stored UTC times in the signed-in staff member's business time zone.</summary>
public sealed class BusinessTime(RapportDb db, Tenant tenant)
{
    private TimeZoneInfo? zone;

    public TimeZoneInfo Zone => zone ??= Load();

    public DateTime Local(DateTime utc) => BusinessClock.ToLocal(utc, Zone);

    public string Format(DateTime utc, string format = "d MMM yyyy, HH:mm") => Local(utc).ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-US"));

    private TimeZoneInfo Load()
    {
        var id = tenant.IsSet ? db.Businesses.AsNoTracking().Where(b => b.Id == tenant.BusinessId).Select(b => b.TimeZone).FirstOrDefault() : null;
        return BusinessClock.Zone(id);
    }
}
