using Microsoft.AspNetCore.Identity;
namespace Rapport.Core.Businesses;

/// <summary>
/// A person who works for one business, with one role; also the sign-in account. Not under the
/// tenancy filter (sign-in must find the account before the business is known): staff queries name the business.
/// </summary>
public sealed class StaffMember : IdentityUser<Guid>
{
    public StaffMember() => Id = Guid.CreateVersion7();

    public Guid BusinessId { get; set; }
    public string DisplayName { get; set; } = "";
    public StaffRole Role { get; set; }
}

/// <summary>The staff member a request acts as, read from their sign-in claims.</summary>
public sealed record Actor(Guid StaffId, Guid BusinessId, string Name, StaffRole Role);
