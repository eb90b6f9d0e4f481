using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>A partner florist as written by the API and the forms; on update, a null field is left as it is and an empty string clears it.</summary>
public sealed record PartnerInput(
    string? Name = null, string? ContactName = null, string? Phone = null, string? Email = null,
    int? DailyCapacity = null, decimal? Fee = null, bool? Active = null)
{
    public void Validate(Validator v, bool creating)
    {
        if (creating || Name is not null) v.Required("name", Name, DeliveryLimits.Name);
        v.MaxLength("contactName", ContactName, DeliveryLimits.Name);
        v.Phone("phone", Phone);
        v.Email("email", Email);
        if (creating && DailyCapacity is null) v.Add("dailyCapacity", "This field is required.");
        v.Count("dailyCapacity", DailyCapacity, DeliveryLimits.MaxCapacity);
        v.Amount("fee", Fee, zeroAllowed: true);
    }

    public void ApplyTo(Partner p)
    {
        if (Name is not null) p.Name = Name.Trim();
        if (ContactName is not null) p.ContactName = Blank(ContactName);
        if (Phone is not null) p.Phone = Blank(Phone);
        if (Email is not null) p.Email = Blank(Email);
        if (DailyCapacity is { } capacity) p.DailyCapacity = capacity;
        if (Fee is { } fee) p.Fee = fee;
        if (Active is { } active) p.Active = active;
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Partner florists who take overflow orders: add, change (deactivate with <c>active: false</c>), list.</summary>
public static class ManagePartners
{
    public static async Task<IReadOnlyList<PartnerView>> ListAsync(RapportDb db, CancellationToken ct) =>
        (await db.Partners.AsNoTracking().OrderByDescending(p => p.Active).ThenBy(p => p.Name).ToListAsync(ct)).Select(PartnerView.Of).ToList();

    public static async Task<Result<PartnerView>> AddAsync(RapportDb db, Actor actor, PartnerInput input, CancellationToken ct)
    {
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: true);
        if (!v.IsValid) return v.ToFailure();
        var partner = new Partner { Name = input.Name!.Trim() };
        input.ApplyTo(partner);
        db.Partners.Add(partner);
        db.Audit(actor, nameof(Partner), partner.Id, "created", null, PartnerView.Of(partner));
        await db.SaveChangesAsync(ct);
        return PartnerView.Of(partner);
    }

    public static async Task<Result<PartnerView>> UpdateAsync(RapportDb db, Actor actor, Guid id, PartnerInput input, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return Failure.NotFound("Partner");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();
        var before = PartnerView.Of(partner);
        input.ApplyTo(partner);
        db.Audit(actor, nameof(Partner), partner.Id, "updated", before, PartnerView.Of(partner));
        await db.SaveChangesAsync(ct);
        return PartnerView.Of(partner);
    }
}
