using FsCheck;
using FsCheck.Fluent;
using Rapport.Core.Delivery;

namespace Rapport.UnitTests.Delivery;

public sealed class FindAlternativesTests
{
    private static readonly DateOnly Today = new(2027, 2, 14);
    private static readonly DateTime Morning = new(2027, 2, 14, 14, 0, 0, DateTimeKind.Utc); // 08:00 in Chicago
    private static readonly Guid Downtown = Guid.NewGuid();
    private static readonly Guid Westside = Guid.NewGuid();

    private static WindowSlot Window(Guid location, int startHour, int capacity, int booked, int reserve = 0, DateOnly? date = null,
        decimal? fee = 12m, DateTime? cutoff = null) =>
        new(Guid.NewGuid(), location, location == Downtown ? "Bloom & Stem Downtown" : "Bloom & Stem Westside", date ?? Today,
            new TimeOnly(startHour, 0), new TimeOnly(startHour + 3, 0), capacity, booked, reserve,
            cutoff ?? new DateTime(2027, 2, 14, 18, 0, 0, DateTimeKind.Utc), fee);

    private static DeliverySituation Situation(IReadOnlyList<WindowSlot> windows, Guid? requested, bool loyal = false,
        IReadOnlyList<PartnerSlot>? partners = null, IReadOnlyList<PickupPoint>? pickups = null, DateTime? now = null, bool hasAddress = true) =>
        new(now ?? Morning, Today, Today, requested, loyal, hasAddress, windows, partners ?? [], pickups ?? []);

    [Fact]
    public void A_full_window_is_answered_first_with_the_same_days_other_windows_then_other_locations_partners_pickup_and_next_day()
    {
        var full = Window(Downtown, 15, 8, 8);
        var noon = Window(Downtown, 12, 8, 3);
        var evening = Window(Westside, 15, 8, 2);
        var tomorrow = Window(Downtown, 9, 8, 0, date: Today.AddDays(1), cutoff: new DateTime(2027, 2, 15, 15, 0, 0, DateTimeKind.Utc));
        var partner = new PartnerSlot(Guid.NewGuid(), "Petal & Pine", Today, 5, 15m);
        var pickup = new PickupPoint(Downtown, "Bloom & Stem Downtown", Today, new TimeOnly(18, 0), new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc));

        var options = FindAlternatives.Rank(Situation([full, noon, evening, tomorrow], full.WindowId, partners: [partner], pickups: [pickup]));

        options.Select(o => o.Kind).ShouldBe([OptionKind.Window, OptionKind.OtherLocation, OptionKind.Partner, OptionKind.Pickup, OptionKind.NextDay]);
        options[0].WindowId.ShouldBe(noon.WindowId);
        options[0].Promise.ShouldBe("Delivered today 12:00–15:00 by Bloom & Stem Downtown");
        options[1].Promise.ShouldBe("Delivered today 15:00–18:00 by Bloom & Stem Westside");
        options[2].Promise.ShouldBe("Delivered today by Petal & Pine (partner florist)");
        options[2].Fee.ShouldBe(15m);
        options[3].Promise.ShouldBe("Ready for pick-up today until 18:00 at Bloom & Stem Downtown");
        options[3].Fee.ShouldBe(0m);
        options[4].Promise.ShouldBe("Delivered tomorrow 09:00–12:00 by Bloom & Stem Downtown");
    }

    [Fact]
    public void A_loyal_customer_is_offered_the_reserve_of_the_very_window_asked_for_first()
    {
        var asked = Window(Downtown, 15, 8, 7, reserve: 1);
        var other = Window(Downtown, 12, 8, 1);

        var options = FindAlternatives.Rank(Situation([asked, other], asked.WindowId, loyal: true));

        options[0].Kind.ShouldBe(OptionKind.LoyaltyReserve);
        options[0].WindowId.ShouldBe(asked.WindowId);
        options[0].Promise.ShouldEndWith("(from the loyalty reserve)");
        options[1].WindowId.ShouldBe(other.WindowId);
    }

    [Fact]
    public void Anyone_else_never_sees_the_reserve()
    {
        var asked = Window(Downtown, 15, 8, 7, reserve: 1);
        var otherReserve = Window(Downtown, 12, 4, 3, reserve: 1);

        FindAlternatives.Rank(Situation([asked, otherReserve], asked.WindowId)).ShouldNotContain(o => o.Kind == OptionKind.LoyaltyReserve);
        FindAlternatives.IsAvailable(Situation([asked], asked.WindowId), asked).ShouldBeFalse();
    }

    [Fact]
    public void After_the_cutoff_today_is_gone_but_pick_up_and_tomorrow_remain()
    {
        var afternoon = new DateTime(2027, 2, 14, 19, 0, 0, DateTimeKind.Utc); // 13:00 local, past the 12:00 cutoff
        var today = Window(Downtown, 15, 8, 0);
        var tomorrow = Window(Downtown, 9, 8, 0, date: Today.AddDays(1), cutoff: new DateTime(2027, 2, 15, 15, 0, 0, DateTimeKind.Utc));
        var pickup = new PickupPoint(Downtown, "Bloom & Stem Downtown", Today, new TimeOnly(18, 0), new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc));

        var options = FindAlternatives.Rank(Situation([today, tomorrow], today.WindowId, pickups: [pickup], now: afternoon));

        options.Select(o => o.Kind).ShouldBe([OptionKind.Pickup, OptionKind.NextDay]);
    }

    [Fact]
    public void A_location_that_does_not_deliver_to_the_address_is_never_offered()
    {
        var asked = Window(Downtown, 15, 8, 8);
        var outside = Window(Westside, 12, 8, 0, fee: null);

        FindAlternatives.Rank(Situation([asked, outside], asked.WindowId)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_address_only_pick_up_is_offered()
    {
        var window = Window(Downtown, 15, 8, 0);
        var partner = new PartnerSlot(Guid.NewGuid(), "Petal & Pine", Today, 5, 15m);
        var pickup = new PickupPoint(Downtown, "Bloom & Stem Downtown", Today, new TimeOnly(18, 0), new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc));

        FindAlternatives.Rank(Situation([window], null, partners: [partner], pickups: [pickup], hasAddress: false))
            .Select(o => o.Kind).ShouldBe([OptionKind.Pickup]);
    }

    [Fact]
    public void Promises_name_the_day_plainly()
    {
        Promises.Day(Today, Today).ShouldBe("today");
        Promises.Day(Today, Today.AddDays(1)).ShouldBe("tomorrow");
        Promises.Day(Today, Today.AddDays(3)).ShouldBe("Wed 17 Feb");
    }

    [Fact]
    public void No_alternative_is_ever_full_past_its_cutoff_outside_the_zone_or_the_window_asked_for()
    {
        var slot =
            from location in Gen.Elements(Downtown, Westside)
            from day in Gen.Choose(0, 3)
            from start in Gen.Elements(9, 12, 15)
            from capacity in Gen.Choose(0, 6)
            from booked in Gen.Choose(0, 6)
            from reserve in Gen.Choose(0, 2)
            from inZone in Gen.Elements(true, true, false)
            from cutoffHour in Gen.Choose(12, 20)
            select Window(location, start, capacity, Math.Min(booked, capacity), Math.Min(reserve, capacity), Today.AddDays(day),
                inZone ? 12m : null, new DateTime(2027, 2, 14, cutoffHour, 0, 0, DateTimeKind.Utc).AddDays(day));
        var situations =
            from count in Gen.Choose(0, 12)
            from windows in slot.ArrayOf(count)
            from pick in Gen.Choose(0, 12)
            from loyal in Gen.Elements(true, false)
            from nowHour in Gen.Choose(10, 22)
            select Situation(windows, windows.Length == 0 ? null : windows[pick % windows.Length].WindowId, loyal,
                now: new DateTime(2027, 2, 14, nowHour, 0, 0, DateTimeKind.Utc));

        Prop.ForAll(situations.ToArbitrary(), (DeliverySituation s) =>
        {
            foreach (var option in FindAlternatives.Rank(s).Where(o => o.WindowId is not null))
            {
                var w = s.Windows.Single(x => x.WindowId == option.WindowId);
                var room = option.Kind == OptionKind.LoyaltyReserve ? w.HasRoom : w.HasGeneralRoom;
                if (!room || !w.OpenAt(s.Now) || w.Fee is null) return false;
                if (option.Kind == OptionKind.LoyaltyReserve && !s.MayUseReserve) return false;
                // The window asked for comes back only as its own loyalty reserve.
                if (w.WindowId == s.RequestedWindowId && option.Kind != OptionKind.LoyaltyReserve) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
