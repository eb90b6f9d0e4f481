using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Notifications;

namespace Rapport.Core.Shop;

/// <summary>
/// The e-mail that confirms a shop order: what, for whom, the promise and the total, with a link to the order.
/// It goes through the outbox under a key of the order, so a retried submission never sends it twice.
/// </summary>
public static class OrderConfirmation
{
    public static string KeyOf(Guid orderId) => $"order-confirmation:{orderId:N}";

    /// <summary>Queues the confirmation of a placed order and saves; false when it was queued already.</summary>
    public static async Task<bool> QueueAsync(RapportDb db, ShopCustomer who, Guid orderId, Func<Guid, string>? orderLink, TimeProvider time, CancellationToken ct)
    {
        if (!Outbox.IsAddress(who.Email)) return false;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId && o.CustomerId == who.CustomerId, ct);
        if (order is null) return false;
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == order.BusinessId).Select(b => new { b.Name, b.Currency }).FirstAsync(ct);
        string Money(decimal amount) => $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {business.Currency}";

        var lines = (await MyOrders.InOrderAsync(db, order, ct)).Select(x => x.ByBudget
            ? $"{x.Line.Description} (your budget): {Money(x.Line.Total)}"
            : $"{x.Line.Quantity} × {x.Line.Description}: {Money(x.Line.Total)}").ToList();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for your order {order.Number} at {business.Name}.")
            .AppendLine()
            .AppendLine(order.Promise + ".")
            .AppendLine(CultureInfo.InvariantCulture, $"For: {order.RecipientName ?? "you"}")
            .AppendLine();
        foreach (var line in lines) text.AppendLine(line);
        if (order.DeliveryFee > 0) text.AppendLine(CultureInfo.InvariantCulture, $"Delivery: {Money(order.DeliveryFee)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Total: {Money(order.Total)}");
        if (order.CardMessage is not null) text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Card message: {order.CardMessage}");
        var link = orderLink?.Invoke(order.Id);
        if (link is not null) text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Your order and its steps: {link}");

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Thank you for your order <strong>{order.Number}</strong> at {E(business.Name)}.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(order.Promise)}.<br>For: {E(order.RecipientName ?? "you")}</p><ul>");
        foreach (var line in lines) html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>");
        if (order.DeliveryFee > 0) html.Append(CultureInfo.InvariantCulture, $"<li>Delivery: {E(Money(order.DeliveryFee))}</li>");
        html.Append(CultureInfo.InvariantCulture, $"</ul><p><strong>Total: {E(Money(order.Total))}</strong></p>");
        if (link is not null) html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(link)}\">See your order</a></p>");

        var queued = await Outbox.EnqueueOnceAsync(db, new OutgoingMail(KeyOf(order.Id), who.Email, who.Name,
            $"Your order {order.Number} is placed", text.ToString(), html.ToString(), who.CustomerId), time, ct);
        if (queued) await db.SaveChangesAsync(ct);
        return queued;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
