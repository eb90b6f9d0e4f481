using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Orders;

/// <summary>A customer's standing orders: what places itself, when next, and a form to set one up.</summary>
public sealed class StandingOrdersModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public string CustomerName { get; private set; } = "";
    public IReadOnlyList<StandingOrderView> Standing { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Recipients { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Occasions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, bool Designers)> Products { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Cards { get; private set; } = [];

    [BindProperty] public StandingForm Form { get; set; } = new();

    public sealed class StandingForm
    {
        public StandingSchedule? Schedule { get; set; } = StandingSchedule.Weekly;
        public DayOfWeek? Weekday { get; set; } = DayOfWeek.Monday;
        public int? DayOfMonth { get; set; }
        public Guid? OccasionId { get; set; }
        public Guid? RecipientId { get; set; }
        public Guid? ProductId { get; set; }
        public int? Quantity { get; set; } = 1;
        public decimal? Budget { get; set; }
        public Guid? PaymentMethodId { get; set; }
        public TimeOnly? PreferredStart { get; set; }
        public int? DaysAhead { get; set; } = 7;
        public bool TakeFirstAlternative { get; set; }
        public string? CardMessage { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The compact list for the customer page.</summary>
    public async Task<IActionResult> OnGetCardAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Partial("_StandingOrdersCard", this) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Form;
        var added = await ManageStandingOrders.AddAsync(db, actor, Id, new(f.Schedule, f.Weekday, f.DayOfMonth, f.OccasionId, f.RecipientId,
            f.ProductId, f.Quantity, f.Budget, f.PaymentMethodId, f.PreferredStart, f.DaysAhead, f.TakeFirstAlternative, f.CardMessage), time, ct);
        if (added.Succeeded) return RedirectToPage(new { id = Id });
        if (this.Refusal(added.Failure) is { } refused) return refused;
        this.ShowOnForm(added.Failure, Fields);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStopAsync(Guid standingId, CancellationToken ct)
    {
        var stopped = await ManageStandingOrders.StopAsync(db, actor, standingId, time, ct);
        return stopped.Succeeded ? RedirectToPage(new { id = Id }) : NotFound();
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["schedule"] = "Form.Schedule", ["weekday"] = "Form.Weekday", ["dayOfMonth"] = "Form.DayOfMonth", ["occasionId"] = "Form.OccasionId",
        ["recipientId"] = "Form.RecipientId", ["productId"] = "Form.ProductId", ["quantity"] = "Form.Quantity", ["budget"] = "Form.Budget",
        ["paymentMethodId"] = "Form.PaymentMethodId", ["daysAhead"] = "Form.DaysAhead", ["cardMessage"] = "Form.CardMessage",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var customer = await db.VisibleTo(actor).AsNoTracking().Where(c => c.Id == Id).Select(c => new { c.Name }).FirstOrDefaultAsync(ct);
        if (customer is null || !actor.Role.TakesOrders()) return false;
        CustomerName = customer.Name;
        Standing = (await ManageStandingOrders.ListAsync(db, actor, Id, time, ct)).Value ?? [];
        Recipients = (await db.Recipients.AsNoTracking().Where(r => r.CustomerId == Id).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .Select(r => (r.Id, r.Name)).ToList();
        var occasions = await db.Occasions.AsNoTracking().Where(o => o.CustomerId == Id && o.Status == OccasionStatus.Confirmed).ToListAsync(ct);
        var names = Recipients.ToDictionary(r => r.Id, r => r.Name);
        Occasions = occasions.Select(o => (o.Id, SendReminders.Describe(o, o.RecipientId is { } r ? names.GetValueOrDefault(r) : null))).ToList();
        Products = (await db.Products.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.IsDesignersChoice }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name, p.IsDesignersChoice)).ToList();
        Cards = (await db.PaymentMethods.AsNoTracking().Where(p => p.CustomerId == Id).Select(p => new { p.Id, p.Brand, p.Last4, p.ExpMonth, p.ExpYear }).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.Brand} ending {p.Last4} ({p.ExpMonth:00}/{p.ExpYear})")).ToList();
        Form.PaymentMethodId ??= Cards.Count > 0 ? Cards[^1].Id : null;
        Form.ProductId ??= Products.FirstOrDefault(p => p.Designers).Id is var d && d != Guid.Empty ? d : null;
        return true;
    }
}
