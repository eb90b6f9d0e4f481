using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Core.Businesses;

namespace Rapport.Web.Auth;

/// <summary>Puts the staff member's business, role and name into the cookie and the bearer token.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffMember> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffMember>(users, options)
{
    public const string Business = "rapport:business";
    public const string Role = "rapport:role";
    public const string DisplayName = "rapport:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffMember user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Business, user.BusinessId.ToString()));
        identity.AddClaim(new Claim(Role, user.Role.ToString()));
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}

public static class StaffPrincipal
{
    /// <summary>The staff member behind a signed-in principal, or null for anyone else.</summary>
    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var staffId)) return null;
        if (!Guid.TryParse(user.FindFirstValue(StaffClaimsFactory.Business), out var businessId)) return null;
        if (!Enum.TryParse<StaffRole>(user.FindFirstValue(StaffClaimsFactory.Role), out var role)) return null;
        return new Actor(staffId, businessId, user.FindFirstValue(StaffClaimsFactory.DisplayName) ?? "", role);
    }
}
