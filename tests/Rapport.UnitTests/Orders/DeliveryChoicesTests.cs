using Rapport.Core.Delivery;
using Rapport.Core.Orders;

namespace Rapport.UnitTests.Orders;

public class DeliveryChoicesTests
{
    private static readonly DateOnly Today = new(2026, 2, 14);
    // 10:30 in Kansas City: the 09:00 window has closed, the later ones are open.
    private static readonly DateTime Now = new(2026, 2, 14, 16, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Downtown = Guid.NewGuid();
    private static readonly Guid Westside = Guid.NewGuid();
    private static readonly Guid Faraway = Guid.NewGuid();

    private static WindowSlot Slot(Guid location, string name, int start, int capacity, int booked, int reserve, decimal? fee, DateOnly? date = null)
    {
        var day = date ?? Today;
        // Cutoff at the window's start, in UTC−6.
        var cutoff = day.ToDateTime(new TimeOnly(start, 0), DateTimeKind.Utc).AddHours(6);
        return new(Guid.NewGuid(), location, name, day, new TimeOnly(start, 0), new TimeOnly(start + 3, 0), capacity, booked, reserve, cutoff, fee);
    }

    private static DeliverySituation Situation(params WindowSlot[] windows) => new(Now, Today, Today, null, true, true, windows, [], []);

    private static OrderOptions.Option Option(string kind, WindowSlot? w = null, decimal fee = 12.5m, string promise = "") =>
        new(kind, w?.WindowId, w?.LocationId, kind == "partner" ? Guid.NewGuid() : null, w?.Date ?? Today, w?.Start, w?.End, promise, fee);

    [Fact]
    public void The_days_windows_to_the_address_come_in_time_order_full_and_closed_ones_marked_then_the_other_options()
    {
        var closed = Slot(Downtown, "Downtown", 9, 10, 2, 0, 12.5m);
        var open = Slot(Downtown, "Downtown", 12, 10, 2, 0, 12.5m);
        var reserveOnly = Slot(Downtown, "Downtown", 15, 10, 9, 1, 12.5m);
        var full = Slot(Westside, "Westside", 15, 5, 5, 0, 9m);
        var notHere = Slot(Faraway, "Faraway", 12, 10, 0, 0, null);
        var tomorrow = Slot(Downtown, "Downtown", 9, 10, 0, 0, 12.5m, Today.AddDays(1));
        var options = new[]
        {
            Option("window", open),
            Option("loyalty-reserve", reserveOnly, promise: "Delivered today 15:00–18:00 by Downtown (from the loyalty reserve)"),
            Option("partner", fee: 20m, promise: "Delivered today by Petal Partners (partner florist)"),
            Option("pickup", fee: 0m, promise: "Ready for pick-up today until 18:00 at Downtown"),
            Option("next-day", tomorrow, promise: "Delivered tomorrow 09:00–12:00 by Downtown"),
        };

        var choices = DeliveryChoices.For(Situation(closed, open, reserveOnly, full, notHere, tomorrow), options);

        choices.Select(c => (c.Promise, c.Note)).ShouldBe(
        [
            ("Delivered today 09:00–12:00 by Downtown", "past its cutoff"),
            ("Delivered today 12:00–15:00 by Downtown", null),
            // Same start: the cheaper delivery first.
            ("Delivered today 15:00–18:00 by Westside", "full"),
            ("Delivered today 15:00–18:00 by Downtown", "full but for the loyalty reserve"),
            ("Delivered today 15:00–18:00 by Downtown (from the loyalty reserve)", null),
            ("Delivered today by Petal Partners (partner florist)", null),
            ("Ready for pick-up today until 18:00 at Downtown", null),
            ("Delivered tomorrow 09:00–12:00 by Downtown", null),
        ]);
        choices[2].Fee.ShouldBe(9m);
        choices[3].Kind.ShouldBe("window", "choosing it tries the window and is answered with the alternatives");
        choices[4].Kind.ShouldBe("loyalty-reserve");
    }

    [Fact]
    public void On_a_full_day_what_can_be_promised_comes_first_ranked_as_the_alternatives_are_and_the_rest_apart_in_time_order()
    {
        var closed = Slot(Downtown, "Downtown", 9, 10, 2, 0, 12.5m);
        var reserveOnly = Slot(Downtown, "Downtown", 11, 10, 9, 1, 12.5m);
        var full = Slot(Downtown, "Downtown", 14, 5, 5, 0, 12.5m);
        var elsewhere = Slot(Westside, "Westside", 16, 10, 0, 0, 9m);
        var home = Slot(Downtown, "Downtown", 18, 10, 0, 0, 12.5m);
        var tomorrow = Slot(Downtown, "Downtown", 9, 10, 0, 0, 12.5m, Today.AddDays(1));
        // As FindAlternatives ranks them: the home location's windows, another location's, the reserve, partner, pick-up, next day.
        var options = new[]
        {
            Option("window", home, promise: "home"),
            Option("other-location", elsewhere, fee: 9m, promise: "elsewhere"),
            Option("loyalty-reserve", reserveOnly, promise: "reserve"),
            Option("partner", fee: 20m, promise: "partner"),
            Option("pickup", fee: 0m, promise: "pickup"),
            Option("next-day", tomorrow, promise: "tomorrow"),
        };
        var choices = DeliveryChoices.For(Situation(closed, reserveOnly, full, elsewhere, home, tomorrow), options);
        // In time order the list starts with three windows that cannot be promised.
        choices.Take(3).ShouldAllBe(c => !c.CanBePromised);

        var (promisable, unpromisable) = DeliveryChoices.Sort(choices, options);

        promisable.Select(c => c.Kind).ShouldBe(["window", "other-location", "loyalty-reserve", "partner", "pickup", "next-day"]);
        promisable.Select(c => c.WindowId).ShouldBe([home.WindowId, elsewhere.WindowId, reserveOnly.WindowId, null, null, tomorrow.WindowId]);
        unpromisable.Select(c => (c.WindowId, c.Note)).ShouldBe(
            [(closed.WindowId, "past its cutoff"), (reserveOnly.WindowId, "full but for the loyalty reserve"), (full.WindowId, "full")]);
        DeliveryChoices.FoldedLine(unpromisable).ShouldBe("2 windows full, 1 past its cutoff");
    }

    [Fact]
    public void A_window_the_ranking_does_not_name_comes_just_after_the_ranked_windows()
    {
        var ranked = Slot(Downtown, "Downtown", 9, 10, 0, 0, 12.5m);
        var unnamed = Slot(Downtown, "Downtown", 20, 10, 0, 0, 12.5m);
        var options = new[] { Option("window", ranked), Option("pickup", fee: 0m, promise: "pickup") };
        var choices = DeliveryChoices.For(Situation(ranked, unnamed) with { Now = Today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc) }, options);

        var (promisable, _) = DeliveryChoices.Sort(choices, options);

        promisable.Select(c => c.Kind).ShouldBe(["window", "window", "pickup"]);
        promisable[1].WindowId.ShouldBe(unnamed.WindowId);
    }

    [Theory]
    [InlineData(10, 0, "10 windows full")]
    [InlineData(1, 0, "1 window full")]
    [InlineData(0, 6, "6 windows past their cutoff")]
    [InlineData(0, 1, "1 window past its cutoff")]
    [InlineData(4, 6, "4 windows full, 6 past their cutoff")]
    public void The_folded_windows_are_told_in_one_line(int full, int closed, string line)
    {
        var windows = Enumerable.Repeat(Choice("window", "full"), full).Concat(Enumerable.Repeat(Choice("window", "past its cutoff"), closed)).ToList();

        DeliveryChoices.FoldedLine(windows).ShouldBe(line);
    }

    [Fact]
    public void Without_an_address_only_the_options_are_listed()
    {
        var open = Slot(Downtown, "Downtown", 12, 10, 0, 0, 12.5m);
        var situation = Situation(open) with { HasAddress = false };

        var choices = DeliveryChoices.For(situation, [Option("pickup", fee: 0m, promise: "Ready for pick-up today until 18:00 at Downtown")]);

        choices.ShouldHaveSingleItem().Kind.ShouldBe("pickup");
    }

    private static DeliveryChoice Choice(string kind, string? note = null, DateOnly? date = null) =>
        new(kind, Guid.NewGuid(), Downtown, null, date ?? Today, kind, 12.5m, note);

    [Fact]
    public void The_earliest_window_of_the_day_that_can_be_promised_is_chosen()
    {
        var choices = new[] { Choice("window", "past its cutoff"), Choice("window", "full"), Choice("other-location"), Choice("window"), Choice("pickup") };

        DeliveryChoices.Earliest(choices, Today, loyal: false).ShouldBe(choices[2]);
    }

    [Fact]
    public void When_the_day_is_full_a_loyal_customer_starts_from_the_reserve_anyone_else_from_the_next_day()
    {
        var choices = new[]
        {
            Choice("window", "full but for the loyalty reserve"), Choice("loyalty-reserve"), Choice("partner"), Choice("pickup"),
            Choice("next-day", date: Today.AddDays(1)),
        };

        DeliveryChoices.Earliest(choices, Today, loyal: true).ShouldBe(choices[1]);
        DeliveryChoices.Earliest(choices, Today, loyal: false).ShouldBe(choices[4]);
        DeliveryChoices.Earliest(choices[..4], Today, loyal: false).ShouldBe(choices[2], "a partner or pick-up only when no window is left");
        DeliveryChoices.Earliest([Choice("window", "full")], Today, loyal: true).ShouldBeNull();
    }

    [Fact]
    public void A_choice_travels_as_one_form_value_and_comes_back_as_its_fulfilment()
    {
        var partner = new DeliveryChoice("partner", null, null, Guid.NewGuid(), Today, "Delivered today by Petal Partners", 20m, null);
        var window = Choice("loyalty-reserve");

        DeliveryChoice.Parse(partner.Value).ShouldBe(new PlaceOrder.FulfilmentInput("partner", null, partner.PartnerId, null, Today));
        DeliveryChoice.Parse(window.Value).ShouldBe(new PlaceOrder.FulfilmentInput("loyalty-reserve", window.WindowId, null, Downtown, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("window")]
    [InlineData("refuse||||2026-02-14")]
    [InlineData("window||||14/02/2026")]
    [InlineData("window|||||2026-02-14")]
    public void Anything_else_is_no_choice(string? value) => DeliveryChoice.Parse(value).ShouldBeNull();
}
