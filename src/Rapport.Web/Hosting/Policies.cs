using Microsoft.AspNetCore.Authorization;
using Rapport.Core.Businesses;
using Rapport.Web.Auth;

namespace Rapport.Web.Hosting;

public static class Policies
{
    /// <summary>A signed-in staff member of some business.</summary>
    public const string Staff = "staff";

    /// <summary>A customer signed in to the shop of the business in the path.</summary>
    public const string Shop = "shop";

    // A staff member whose role passes one of StaffPermissions' rules; pages put these on their model.
    public const string CanEditCustomers = "staff:" + nameof(CanEditCustomers);
    public const string TakesOrders = "staff:" + nameof(TakesOrders);
    public const string ManagesCatalog = "staff:" + nameof(ManagesCatalog);
    public const string ManagesDelivery = "staff:" + nameof(ManagesDelivery);
    public const string SeesReports = "staff:" + nameof(SeesReports);
    public const string ManagesSales = "staff:" + nameof(ManagesSales);
    public const string SeesDeals = "staff:" + nameof(SeesDeals);
    public const string WorksDeals = "staff:" + nameof(WorksDeals);
    public const string PlansMeetings = "staff:" + nameof(PlansMeetings);
    public const string ManagesTouches = "staff:" + nameof(ManagesTouches);
    public const string SeesHealth = "staff:" + nameof(SeesHealth);
    public const string ManagesHealth = "staff:" + nameof(ManagesHealth);
    public const string DecidesOccasions = "staff:" + nameof(DecidesOccasions);
    public const string SeesConcessions = "staff:" + nameof(SeesConcessions);
    public const string DecidesConcessions = "staff:" + nameof(DecidesConcessions);
    public const string ManagesConcessionLimits = "staff:" + nameof(ManagesConcessionLimits);

    /// <summary>Each role policy and the rule of <see cref="StaffPermissions"/> it applies, so pages and the API agree.</summary>
    public static readonly IReadOnlyDictionary<string, Func<StaffRole, bool>> RoleRules = new Dictionary<string, Func<StaffRole, bool>>
    {
        [CanEditCustomers] = StaffPermissions.CanEditCustomers,
        [TakesOrders] = StaffPermissions.TakesOrders,
        [ManagesCatalog] = StaffPermissions.ManagesCatalog,
        [ManagesDelivery] = StaffPermissions.ManagesDelivery,
        [SeesReports] = StaffPermissions.SeesReports,
        [ManagesSales] = StaffPermissions.ManagesSales,
        [SeesDeals] = StaffPermissions.SeesDeals,
        [WorksDeals] = StaffPermissions.WorksDeals,
        [PlansMeetings] = StaffPermissions.PlansMeetings,
        [ManagesTouches] = StaffPermissions.ManagesTouches,
        [SeesHealth] = StaffPermissions.SeesHealth,
        [ManagesHealth] = StaffPermissions.ManagesHealth,
        [DecidesOccasions] = StaffPermissions.DecidesOccasions,
        [SeesConcessions] = StaffPermissions.SeesConcessions,
        [DecidesConcessions] = StaffPermissions.DecidesConcessions,
        [ManagesConcessionLimits] = StaffPermissions.ManagesConcessionLimits,
    };

    /// <summary>The staff policy and one policy per role rule.</summary>
    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(Staff, p => StaffMember(p));
        foreach (var (name, allows) in RoleRules)
            builder.AddPolicy(name, p => StaffMember(p).AddRequirements(new StaffRoleRequirement(name, allows)));
        return builder;
    }

    private static AuthorizationPolicyBuilder StaffMember(AuthorizationPolicyBuilder p) =>
        p.RequireAuthenticatedUser().RequireClaim(StaffClaimsFactory.Business);
}

/// <summary>Met when the signed-in staff member's role (the role claim, as <c>Actor</c> reads it) passes the rule.</summary>
public sealed class StaffRoleRequirement(string rule, Func<StaffRole, bool> allows)
    : AuthorizationHandler<StaffRoleRequirement>, IAuthorizationRequirement
{
    public string Rule { get; } = rule;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRoleRequirement requirement)
    {
        if (context.User.ToActor() is { } actor && requirement.Allows(actor.Role)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool Allows(StaffRole role) => allows(role);
}
