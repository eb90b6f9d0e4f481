using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

public sealed record StakeholderInput(string? Name, string? Title, BuyingRole? Role, string? Email, string? Phone)
{
    public void Validate(Validator v, bool creating)
    {
        if (creating || Name is not null) v.Required("name", Name, CustomerLimits.Name);
        if (creating && Role is null) v.Add("role", "Say the stakeholder's role in the buying committee.");
        v.MaxLength("title", Title, 100);
        v.Email("email", Email);
        v.Phone("phone", Phone);
    }
}

/// <summary>An organisation's buying committee: who decides, who pays, who evaluates, who blocks.</summary>
public static class ManageStakeholders
{
    public static async Task<Result<StakeholderView>> AddAsync(RapportDb db, Actor actor, Guid customerId, StakeholderInput input, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var v = new Validator();
        input.Validate(v, creating: true);
        if (found.Value.Kind != CustomerKind.Organization) v.Add("customerId", "Only organisations have a buying committee.");
        if (!v.IsValid) return v.ToFailure();
        var stakeholder = new Stakeholder { CustomerId = customerId, Name = input.Name!.Trim(), Role = input.Role!.Value };
        Apply(stakeholder, input);
        db.Stakeholders.Add(stakeholder);
        await db.SaveChangesAsync(ct);
        return StakeholderView.Of(stakeholder);
    }

    public static async Task<Result<StakeholderView>> UpdateAsync(RapportDb db, Actor actor, Guid customerId, Guid id, StakeholderInput input, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var stakeholder = found.Value.Stakeholders.FirstOrDefault(s => s.Id == id);
        if (stakeholder is null) return Failure.NotFound("Stakeholder");
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();
        if (input.Name is not null) stakeholder.Name = input.Name.Trim();
        if (input.Role is { } role) stakeholder.Role = role;
        Apply(stakeholder, input);
        await db.SaveChangesAsync(ct);
        return StakeholderView.Of(stakeholder);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid customerId, Guid id, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var stakeholder = found.Value.Stakeholders.FirstOrDefault(s => s.Id == id);
        if (stakeholder is null) return Failure.NotFound("Stakeholder");
        db.Stakeholders.Remove(stakeholder);
        await db.SaveChangesAsync(ct);
        return id;
    }

    private static void Apply(Stakeholder s, StakeholderInput input)
    {
        if (input.Title is not null) s.Title = AddressInput.Blank(input.Title);
        if (input.Email is not null) s.Email = AddressInput.Blank(input.Email);
        if (input.Phone is not null) s.Phone = AddressInput.Blank(input.Phone);
    }
}
