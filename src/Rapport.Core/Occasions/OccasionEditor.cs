using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Shop;

namespace Rapport.Core.Occasions;

/// <summary>
/// Who is changing occasions: a staff member (any customer they may see, if their role edits customers) or a
/// customer in the shop (only their own). The use cases are the same for both.
/// </summary>
public sealed class OccasionEditor
{
    private readonly Func<RapportDb, IQueryable<Occasion>> scope;
    private readonly Func<RapportDb, Guid, Task<bool>> ownsCustomer;
    private readonly Action<RapportDb, Guid, string, object?, object?> audit;

    private OccasionEditor(string name, OccasionSource source, Failure? forbidden, Func<RapportDb, IQueryable<Occasion>> scope,
        Func<RapportDb, Guid, Task<bool>> ownsCustomer, Action<RapportDb, Guid, string, object?, object?> audit)
    {
        Name = name;
        Source = source;
        Forbidden = forbidden;
        this.scope = scope;
        this.ownsCustomer = ownsCustomer;
        this.audit = audit;
    }

    public string Name { get; }
    public OccasionSource Source { get; }
    /// <summary>Why this editor may look but not change; null when it may change.</summary>
    public Failure? Forbidden { get; }

    public static OccasionEditor ForStaff(Actor actor, CancellationToken ct) => new(actor.Name, OccasionSource.Staff,
        actor.Role.CanEditCustomers() ? null : Failure.Forbidden($"The {actor.Role.Label()} role cannot change customers' occasions."),
        db => db.Occasions.Where(o => db.VisibleTo(actor).Any(c => c.Id == o.CustomerId)),
        (db, customerId) => db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct),
        (db, id, action, before, after) => db.Audit(actor, nameof(Occasion), id, action, before, after));

    public static OccasionEditor ForShop(ShopCustomer who, CancellationToken ct) => new(ShopCustomer.AuditName, OccasionSource.Customer, null,
        db => db.Occasions.Where(o => o.CustomerId == who.CustomerId),
        (_, customerId) => Task.FromResult(customerId == who.CustomerId),
        (db, id, action, before, after) => db.Audit(who.AccountId, ShopCustomer.AuditName, nameof(Occasion), id, action, before, after));

    /// <summary>The occasions this editor may see.</summary>
    public IQueryable<Occasion> Occasions(RapportDb db) => scope(db);

    public Task<bool> SeesCustomerAsync(RapportDb db, Guid customerId) => ownsCustomer(db, customerId);

    public void Audit(RapportDb db, Occasion o, string action, object? before) => audit(db, o.Id, action, before, Snapshot(o));

    public static object Snapshot(Occasion o) => new
    {
        o.CustomerId, o.RecipientId, o.Type, o.Label, When = o.Rule.ToString(), o.UsualBudget, o.Source, o.Status, o.Confidence,
    };
}
