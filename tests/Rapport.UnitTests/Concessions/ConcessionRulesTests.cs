using Rapport.Core.Businesses;
using Rapport.Core.Concessions;

namespace Rapport.UnitTests.Concessions;

public class ConcessionRulesTests
{
    private static readonly ConcessionLimitSet Defaults = ConcessionLimitSet.Default;

    [Theory]
    [InlineData(StaffRole.Service, 0, false)]
    [InlineData(StaffRole.Service, 25, false)]
    [InlineData(StaffRole.Service, 25.01, true)]
    [InlineData(StaffRole.Sales, 500, false)]
    [InlineData(StaffRole.Sales, 500.01, true)]
    [InlineData(StaffRole.Manager, 250_000, false)]
    [InlineData(StaffRole.Owner, 1_000_000, false)]
    [InlineData(StaffRole.Delivery, 0, false)]
    [InlineData(StaffRole.Delivery, 0.01, true)]
    public void By_default_service_may_give_25_sales_500_and_managers_and_owners_any_amount(StaffRole role, double value, bool waits) =>
        ConcessionRules.NeedsApproval(role, (decimal)value, Defaults).ShouldBe(waits);

    [Fact]
    public void The_owners_limits_replace_the_defaults_and_no_limit_means_none()
    {
        var limits = new ConcessionLimitSet(Manager: 1000m, Sales: null, Service: 0m);
        ConcessionRules.NeedsApproval(StaffRole.Service, 0m, limits).ShouldBeFalse();
        ConcessionRules.NeedsApproval(StaffRole.Service, 0.01m, limits).ShouldBeTrue();
        ConcessionRules.NeedsApproval(StaffRole.Sales, 900_000m, limits).ShouldBeFalse();
        ConcessionRules.NeedsApproval(StaffRole.Manager, 1000.01m, limits).ShouldBeTrue();
        // The owner has no limit, whatever the settings say of the others.
        ConcessionRules.NeedsApproval(StaffRole.Owner, 900_000m, limits).ShouldBeFalse();
    }

    [Fact]
    public void Owners_decide_any_waiting_concession_managers_those_within_their_own_limit_and_nobody_else()
    {
        var limits = new ConcessionLimitSet(Manager: 1000m, Sales: 500m, Service: 25m);
        ConcessionRules.MayDecide(StaffRole.Owner, 50_000m, limits).ShouldBeTrue();
        ConcessionRules.MayDecide(StaffRole.Manager, 1000m, limits).ShouldBeTrue();
        ConcessionRules.MayDecide(StaffRole.Manager, 1000.01m, limits).ShouldBeFalse();
        ConcessionRules.MayDecide(StaffRole.Sales, 10m, limits).ShouldBeFalse();
        ConcessionRules.MayDecide(StaffRole.Service, 10m, limits).ShouldBeFalse();
        ConcessionRules.MayDecide(StaffRole.Delivery, 0m, limits).ShouldBeFalse();
    }

    [Theory]
    [InlineData("freeDelivery", true)]
    [InlineData("FreeDelivery", true)]
    [InlineData("waivedfee", true)]
    [InlineData("3", false)]
    [InlineData("-1", false)]
    [InlineData("discount,other", false)]
    [InlineData("bribe", false)]
    [InlineData("", false)]
    public void Kinds_are_read_by_their_names_only(string text, bool known) =>
        ConcessionWords.TryParse(text, out ConcessionKind _).ShouldBe(known);
}
