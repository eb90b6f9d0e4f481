using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;

namespace Rapport.UnitTests.Orders;

public class OrderLifecycleTests
{
    private static readonly TimeZoneInfo Chicago = BusinessClock.Zone("America/Chicago");
    // Sat 14 Feb 2026, window 12:00–15:00 in Kansas City (UTC−6).
    private static readonly DateTime From = new(2026, 2, 14, 18, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime By = new(2026, 2, 14, 21, 0, 0, DateTimeKind.Utc);

    private static OrderStep Step(OrderStatus to, DateTime at, string? reason = null, FulfilmentKind kind = FulfilmentKind.Delivery) =>
        new(1042, kind, "Maria Lindqvist", kind == FulfilmentKind.Pickup ? null : From, kind == FulfilmentKind.Pickup ? null : By, to, at, reason);

    [Theory]
    [InlineData(OrderStatus.Placed, OrderStatus.Confirmed)]
    [InlineData(OrderStatus.Confirmed, OrderStatus.InProduction)]
    [InlineData(OrderStatus.InProduction, OrderStatus.OutForDelivery)]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.Delivered)]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.Failed)]
    [InlineData(OrderStatus.Placed, OrderStatus.OutForDelivery)]
    [InlineData(OrderStatus.Placed, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Confirmed, OrderStatus.Failed)]
    [InlineData(OrderStatus.Placed, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Confirmed, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.InProduction, OrderStatus.Cancelled)]
    public void Forward_steps_skipping_ahead_and_cancelling_before_it_leaves_are_allowed(OrderStatus from, OrderStatus to) =>
        OrderLifecycle.Refusal(from, FulfilmentKind.Delivery, to).ShouldBeNull();

    [Theory]
    [InlineData(OrderStatus.Confirmed, OrderStatus.Placed, "go back to placed")]
    [InlineData(OrderStatus.InProduction, OrderStatus.Confirmed, "cannot go back to confirmed")]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.InProduction, "cannot go back to in production")]
    [InlineData(OrderStatus.Confirmed, OrderStatus.Confirmed, "already confirmed")]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.Cancelled, "can no longer be cancelled")]
    [InlineData(OrderStatus.Delivered, OrderStatus.Failed, "delivered, which is final")]
    [InlineData(OrderStatus.Failed, OrderStatus.Delivered, "failed, which is final")]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Confirmed, "cancelled, which is final")]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Cancelled, "already cancelled")]
    public void Backward_repeated_and_after_final_steps_are_refused_in_plain_words(OrderStatus from, OrderStatus to, string words) =>
        OrderLifecycle.Refusal(from, FulfilmentKind.Delivery, to).ShouldNotBeNull().ShouldContain(words);

    [Fact]
    public void A_pickup_order_is_never_out_for_delivery_but_is_collected()
    {
        OrderLifecycle.Refusal(OrderStatus.Confirmed, FulfilmentKind.Pickup, OrderStatus.OutForDelivery).ShouldNotBeNull().ShouldContain("collected");
        OrderLifecycle.Refusal(OrderStatus.Confirmed, FulfilmentKind.Pickup, OrderStatus.Delivered).ShouldBeNull();
    }

    [Fact]
    public void Nothing_leaves_a_final_status_and_nothing_goes_back_along_the_chain()
    {
        foreach (var from in Enum.GetValues<OrderStatus>())
        foreach (var to in Enum.GetValues<OrderStatus>())
            if (OrderLifecycle.IsFinal(from) || (to < OrderStatus.Delivered && to <= from))
                OrderLifecycle.Refusal(from, FulfilmentKind.Delivery, to).ShouldNotBeNullOrWhiteSpace($"{from} → {to}");
    }

    [Fact]
    public void The_next_steps_are_the_allowed_ones_in_the_order_of_the_chain()
    {
        OrderLifecycle.NextSteps(OrderStatus.Placed, FulfilmentKind.Delivery, driver: false).ShouldBe(
            [OrderStatus.Confirmed, OrderStatus.InProduction, OrderStatus.OutForDelivery, OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Cancelled]);
        OrderLifecycle.NextSteps(OrderStatus.OutForDelivery, FulfilmentKind.Delivery, driver: false).ShouldBe([OrderStatus.Delivered, OrderStatus.Failed]);
        OrderLifecycle.NextSteps(OrderStatus.Confirmed, FulfilmentKind.Pickup, driver: false).ShouldBe(
            [OrderStatus.InProduction, OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Cancelled]);
        foreach (var final in new[] { OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Cancelled })
            OrderLifecycle.NextSteps(final, FulfilmentKind.Delivery, driver: false).ShouldBeEmpty();
    }

    [Fact]
    public void A_driver_is_offered_the_road_steps_only()
    {
        OrderLifecycle.NextSteps(OrderStatus.Confirmed, FulfilmentKind.Delivery, driver: true)
            .ShouldBe([OrderStatus.OutForDelivery, OrderStatus.Delivered, OrderStatus.Failed]);
        OrderLifecycle.NextSteps(OrderStatus.OutForDelivery, FulfilmentKind.Delivery, driver: true).ShouldBe([OrderStatus.Delivered, OrderStatus.Failed]);
    }

    [Fact]
    public void Drivers_record_the_road_steps_only()
    {
        Enum.GetValues<OrderStatus>().Where(OrderLifecycle.DriverMaySet)
            .ShouldBe([OrderStatus.OutForDelivery, OrderStatus.Delivered, OrderStatus.Failed]);
    }

    [Fact]
    public void The_customer_hears_of_leaving_arriving_failing_and_cancelling_not_of_the_shop_floor()
    {
        Enum.GetValues<OrderStatus>().Where(OrderLifecycle.IsVisibleToCustomer)
            .ShouldBe([OrderStatus.OutForDelivery, OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Cancelled]);
    }

    [Theory]
    [InlineData("outForDelivery", OrderStatus.OutForDelivery)]
    [InlineData("out for delivery", OrderStatus.OutForDelivery)]
    [InlineData("OUT-FOR-DELIVERY", OrderStatus.OutForDelivery)]
    [InlineData("in_production", OrderStatus.InProduction)]
    [InlineData("delivered", OrderStatus.Delivered)]
    public void Statuses_read_as_the_api_writes_them_or_as_people_say_them(string text, OrderStatus expected)
    {
        OrderLifecycle.TryParse(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("shipped")]
    [InlineData("placed,confirmed")]
    [InlineData(" - ")]
    public void Numbers_and_unknown_words_are_not_statuses(string text) =>
        OrderLifecycle.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Delivered_within_the_window_is_positive_and_says_on_time_in_local_time()
    {
        var (channel, tone, summary) = OrderLifecycle.ForTimeline(Step(OrderStatus.Delivered, By.AddMinutes(-28)), Chicago);

        channel.ShouldBe(Channel.Delivery);
        tone.ShouldBe(Tone.Positive);
        summary.ShouldBe("Order 1042 delivered to Maria Lindqvist at 14:32, on time.");
    }

    [Fact]
    public void Delivered_after_the_window_is_negative_and_says_how_late()
    {
        var (_, tone, summary) = OrderLifecycle.ForTimeline(Step(OrderStatus.Delivered, By.AddMinutes(80)), Chicago);

        tone.ShouldBe(Tone.Negative);
        summary.ShouldBe("Order 1042 delivered to Maria Lindqvist at 16:20, 1 h 20 min late (promised by 15:00).");
    }

    [Fact]
    public void Failed_is_negative_with_its_reason_and_out_for_delivery_is_neutral_with_the_promise()
    {
        var failed = OrderLifecycle.ForTimeline(Step(OrderStatus.Failed, By, "nobody home"), Chicago);
        failed.Tone.ShouldBe(Tone.Negative);
        failed.Summary.ShouldBe("Order 1042 could not be delivered to Maria Lindqvist: nobody home.");

        var leaving = OrderLifecycle.ForTimeline(Step(OrderStatus.OutForDelivery, From), Chicago);
        leaving.Tone.ShouldBe(Tone.Neutral);
        leaving.Channel.ShouldBe(Channel.Delivery);
        leaving.Summary.ShouldBe("Order 1042 out for delivery to Maria Lindqvist, promised 12:00–15:00.");
    }

    [Fact]
    public void Cancelled_is_a_neutral_service_entry_and_a_collected_pickup_a_positive_visit()
    {
        var cancelled = OrderLifecycle.ForTimeline(Step(OrderStatus.Cancelled, From, "Customer changed plans"), Chicago);
        cancelled.Channel.ShouldBe(Channel.Service);
        cancelled.Tone.ShouldBe(Tone.Neutral);
        cancelled.Summary.ShouldBe("Order 1042 cancelled: Customer changed plans.");

        var collected = OrderLifecycle.ForTimeline(Step(OrderStatus.Delivered, From, kind: FulfilmentKind.Pickup), Chicago);
        collected.Channel.ShouldBe(Channel.Visit);
        collected.Tone.ShouldBe(Tone.Positive);
        collected.Summary.ShouldBe("Order 1042 collected at 12:00.");
    }
}
