using Rapport.Core.Customers;
using Rapport.Core.Forecasting;

namespace Rapport.Demo;

// Bloom & Stem's peak days of the years before: Valentine's Day, the Saturday before Mother's Day (the shop is
// closed on Sundays) and Christmas Eve, each busier every year as the shop grew. The forecast on the owner's
// home reads them: whichever peak comes within the next weeks is forecast above the capacity set for it.
public static partial class DemoSeeder
{
    private sealed record PeakSeed(PeakDay Peak, string Occasion, Func<int, DateOnly> DeliveredOn, Func<Customer, (Recipient? For, double Odds)> Who);

    private static readonly PeakSeed[] Peaks =
    [
        new(PeakDay.ValentinesDay, "Valentine's Day", y => new DateOnly(y, 2, 14),
            c => (c.Recipients.FirstOrDefault(IsPartner), 0.85)),
        new(PeakDay.MothersDay, "Mother's Day", y => DeliveryDay(PeakDays.MothersDay(y)),
            c => c.Recipients.FirstOrDefault(r => r.Relationship is "mother" or "grandmother" or "mother-in-law") is { } mother
                ? (mother, 0.85)
                : (c.Recipients.FirstOrDefault(IsPartner), 0.35)),
        new(PeakDay.Christmas, "Christmas", y => DeliveryDay(new DateOnly(y, 12, 24)),
            c => (c.Recipients.FirstOrDefault(), 0.35)),
    ];

    /// <summary>
    /// Regulars who order on each past peak day, one order per customer and day, only while they were customers
    /// and before they lapsed; Tom's years are his own.
    /// </summary>
    private static void SeedPeakDays(Seeding s, Shop shop, Customer tom)
    {
        var regulars = s.Customers.Where(c => c != tom).ToList();
        if (regulars.Count == 0) return;
        for (var year = regulars.Min(c => c.CustomerSince.Year); year <= s.Today.Year; year++)
        {
            foreach (var peak in Peaks)
            {
                var day = peak.DeliveredOn(year);
                if (day >= s.Today) continue;
                var served = s.Orders.Where(o => o.FulfilmentDate == day).Select(o => o.CustomerId).ToHashSet();
                foreach (var c in regulars.Where(c => !served.Contains(c.Id)))
                {
                    var (r, odds) = peak.Who(c);
                    if (r is null || !s.Chance(odds)) continue;
                    var occasion = new Occasion(peak.Occasion, peak.Occasion);
                    Order(s, shop, c, r, occasion, day, s.During(day.AddDays(-s.R.Int(1, 5))), c.LastActivityAt ?? s.Now);
                }
            }
        }
    }
}
