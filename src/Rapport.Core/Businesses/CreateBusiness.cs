using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Businesses;

/// <summary>Opens a business on this Rapport with its first owner. Used by set-up, the admin command and the demo.</summary>
public static class CreateBusiness
{
    public sealed record Command(string? Name, string? Slug, string? OwnerEmail, string? OwnerPassword, string? OwnerName = null, string? TimeZone = null);

    public static async Task<Result<Business>> HandleAsync(IServiceProvider services, Command command, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();

        var v = new Validator();
        v.Required("name", command.Name, 120);
        var slug = string.IsNullOrWhiteSpace(command.Slug) ? Slugify(command.Name) : command.Slug.Trim().ToLowerInvariant();
        if (slug.Length is < 2 or > 40 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            v.Add("slug", "2 to 40 lower-case letters, digits or dashes.");
        else if (await db.Businesses.AnyAsync(b => b.Slug == slug, ct))
            v.Add("slug", $"'{slug}' is taken.");
        v.Required("ownerEmail", command.OwnerEmail, 254).Email("ownerEmail", command.OwnerEmail);
        if (string.IsNullOrEmpty(command.OwnerPassword)) v.Add("ownerPassword", "This field is required.");
        v.MaxLength("ownerName", command.OwnerName, 120);
        if (command.TimeZone is { } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _)) v.Add("timeZone", "Not a known time zone (use an IANA id such as America/Chicago).");
        if (!v.IsValid) return v.ToFailure();

        var business = new Business { Name = command.Name!.Trim(), Slug = slug, TimeZone = command.TimeZone ?? "America/Chicago" };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Businesses.Add(business);
        await db.SaveChangesAsync(ct);
        var result = await AddStaffAsync(users, business.Id, command.OwnerEmail!.Trim(), command.OwnerPassword!,
            command.OwnerName ?? "Owner", StaffRole.Owner);
        if (!result.Succeeded) return result.Failure;
        await tx.CommitAsync(ct);
        return business;
    }

    /// <summary>Adds a staff account; Identity's password rules are reported against <c>password</c>.</summary>
    public static async Task<Result<StaffMember>> AddStaffAsync(
        UserManager<StaffMember> users, Guid businessId, string email, string password, string name, StaffRole role)
    {
        var staff = new StaffMember { BusinessId = businessId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role };
        var created = await users.CreateAsync(staff, password);
        if (created.Succeeded) return staff;
        var errors = created.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return Failure.Invalid(errors);
    }

    public static string Slugify(string? name)
    {
        var folded = Customers.SearchText.Normalize(name);
        var slug = new string(folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        slug = slug.Trim('-');
        return slug.Length > 40 ? slug[..40].Trim('-') : slug;
    }
}
