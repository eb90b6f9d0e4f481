using Rapport.Core.Sales;
using Rapport.Core.Touches;

namespace Rapport.UnitTests.Touches;

/// <summary>Which orders a business touch rule gives something to, and how: a pure decision over the rule and the order.</summary>
public class OrderTouchesTests
{
    private static readonly DateOnly Today = new(2027, 2, 10);

    private static OrderFacts Order(bool gift = true, bool loyal = false, string? email = "tom.lindqvist@example.com", DateOnly? day = null) =>
        new(Guid.CreateVersion7(), 1043, Guid.CreateVersion7(), gift ? "Maria Rossi" : "Tom Lindqvist", gift, loyal, email, "Tom Lindqvist",
            day ?? new DateOnly(2027, 2, 14), "Delivered Sun 14 Feb 10:00–13:00 by Bloom & Stem Westside");

    private static BusinessTouchRule Rule(string title = "Care card", TouchTrigger trigger = TouchTrigger.EveryOrder, TouchAction action = TouchAction.Task,
        TouchAudience audience = TouchAudience.Everyone, bool active = true, Guid? assignee = null) => new()
    {
        Title = title, Trigger = trigger, Action = action, Audience = audience, Active = active, AssigneeId = assignee,
        Subject = action == TouchAction.Email ? "Keeping your flowers fresh" : null,
        Body = action == TouchAction.Email ? "Trim the stems and change the water every two days." : null,
    };

    [Fact]
    public void Every_order_gets_a_care_card_task_that_says_what_and_for_which_order_due_on_the_orders_day()
    {
        var order = Order();
        var rule = Rule(assignee: Guid.CreateVersion7());

        var touch = OrderTouches.Plan([rule], TouchTrigger.EveryOrder, order, Today).ShouldHaveSingleItem();

        touch.Title.ShouldBe("Care card \u2014 order 1043 for Maria Rossi");
        touch.IsEmail.ShouldBeFalse();
        touch.DueOn.ShouldBe(new DateOnly(2027, 2, 14));
        touch.AssigneeId.ShouldBe(rule.AssigneeId);
        touch.Detail.ShouldBe("Every order gets this. Order 1043: Delivered Sun 14 Feb 10:00–13:00 by Bloom & Stem Westside.");
        touch.Key.ShouldBe(OrderTouches.KeyOf(order.OrderId, rule.Id));
    }

    [Fact]
    public void The_key_is_read_back_to_its_rule_as_a_stage_touch_key_is()
    {
        var (order, rule) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var key = OrderTouches.KeyOf(order, rule);
        key.ShouldStartWith(StageTouches.KeyPrefix);
        StageTouches.TouchOf(key).ShouldBe(rule);
        key.Length.ShouldBeLessThanOrEqualTo(Rapport.Core.Notifications.OutboxLimits.Key);
    }

    [Fact]
    public void An_order_for_today_or_a_delivery_is_due_today()
    {
        OrderTouches.Plan([Rule()], TouchTrigger.EveryOrder, Order(day: Today), Today).ShouldHaveSingleItem().DueOn.ShouldBe(Today);
        OrderTouches.Plan([Rule(trigger: TouchTrigger.OrderDelivered)], TouchTrigger.OrderDelivered, Order(), Today)
            .ShouldHaveSingleItem().DueOn.ShouldBe(Today);
    }

    [Fact]
    public void Only_active_rules_of_the_trigger_give_anything()
    {
        OrderTouches.Plan([Rule(active: false)], TouchTrigger.EveryOrder, Order(), Today).ShouldBeEmpty();
        OrderTouches.Plan([Rule(trigger: TouchTrigger.OrderDelivered)], TouchTrigger.EveryOrder, Order(), Today).ShouldBeEmpty();
        OrderTouches.Plan([Rule()], TouchTrigger.OrderDelivered, Order(), Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TouchAudience.Everyone, false, false, true)]
    [InlineData(TouchAudience.Gifts, true, false, true)]
    [InlineData(TouchAudience.Gifts, false, true, false)]
    [InlineData(TouchAudience.LoyalCustomers, false, true, true)]
    [InlineData(TouchAudience.LoyalCustomers, true, false, false)]
    public void The_audience_picks_the_orders(TouchAudience audience, bool gift, bool loyal, bool given) =>
        OrderTouches.Plan([Rule(audience: audience)], TouchTrigger.EveryOrder, Order(gift, loyal), Today).Count.ShouldBe(given ? 1 : 0);

    [Fact]
    public void An_email_rule_writes_to_the_customer_and_without_an_address_becomes_a_task_with_the_words_to_pass_on()
    {
        var rule = Rule("Care tips", TouchTrigger.OrderDelivered, TouchAction.Email);

        var mail = OrderTouches.Plan([rule], TouchTrigger.OrderDelivered, Order(), Today).ShouldHaveSingleItem();
        (mail.IsEmail, mail.To, mail.ToName, mail.Subject, mail.Body).ShouldBe(
            (true, "tom.lindqvist@example.com", "Tom Lindqvist", "Keeping your flowers fresh", "Trim the stems and change the water every two days."));

        foreach (var email in new string?[] { null, "not an address" })
        {
            var task = OrderTouches.Plan([rule], TouchTrigger.OrderDelivered, Order(email: email), Today).ShouldHaveSingleItem();
            task.IsEmail.ShouldBeFalse();
            task.Title.ShouldBe("Care tips \u2014 order 1043 for Maria Rossi");
            task.Detail.ShouldStartWith("No e-mail address on file to send \u201cKeeping your flowers fresh\u201d");
            task.Detail.ShouldContain("change the water every two days");
        }
    }

    [Fact]
    public void Several_rules_give_one_touch_each_in_the_order_they_were_made()
    {
        var first = Rule("Care card");
        first.CreatedAt = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var second = Rule("Thank-you note");
        second.CreatedAt = first.CreatedAt.AddDays(1);

        var touches = OrderTouches.Plan([second, first], TouchTrigger.EveryOrder, Order(), Today);

        touches.Select(t => t.RuleId).ShouldBe([first.Id, second.Id]);
        touches.Select(t => t.Key).Distinct().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData(TouchTrigger.EveryOrder, TouchAudience.Everyone, "Every order")]
    [InlineData(TouchTrigger.EveryOrder, TouchAudience.Gifts, "Every gift order")]
    [InlineData(TouchTrigger.OrderDelivered, TouchAudience.Everyone, "Every order delivered")]
    [InlineData(TouchTrigger.OrderDelivered, TouchAudience.LoyalCustomers, "Every order of a loyal customer, delivered")]
    public void The_trigger_reads_as_people_say_it(TouchTrigger trigger, TouchAudience audience, string words) =>
        OrderTouches.Describe(trigger, audience).ShouldBe(words);
}
