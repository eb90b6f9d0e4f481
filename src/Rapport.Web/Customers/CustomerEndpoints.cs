using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Customers;

public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(Policies.Staff);

        group.MapGet("/", Search).WithName("SearchCustomers")
            .WithSummary("Finds customers by any part of the name, by e-mail or by phone number in any format.")
            .WithDescription("Alphabetical. `next` is an opaque cursor for `after`, or null on the last page.");
        group.MapPost("/", Create).WithName("CreateCustomer").WithSummary("Adds a person or organisation customer.");
        group.MapGet("/{id}", Get).WithName("GetCustomer")
            .WithSummary("The customer's whole file: contacts, recipients, cards on file, preferences, buying committee, loyalty.");
        group.MapPatch("/{id}", Update).WithName("UpdateCustomer")
            .WithSummary("Changes a customer. Absent or null fields stay as they are; an empty string clears; a given list replaces.");
        group.MapDelete("/{id}", Delete).WithName("DeleteCustomer").WithSummary("Deletes a customer; restorable with POST .../restore.");
        group.MapPost("/{id}/restore", Restore).WithName("RestoreCustomer").WithSummary("Undoes a delete.");

        group.MapPost("/{id}/recipients", AddRecipient).WithName("AddRecipient").WithSummary("Adds someone the customer sends to.");
        group.MapGet("/{id}/recipients/{recipientId}", GetRecipient).WithName("GetRecipient");
        group.MapPatch("/{id}/recipients/{recipientId}", UpdateRecipient).WithName("UpdateRecipient");
        group.MapDelete("/{id}/recipients/{recipientId}", RemoveRecipient).WithName("RemoveRecipient");

        group.MapPost("/{id}/stakeholders", AddStakeholder).WithName("AddStakeholder")
            .WithSummary("Adds a person to an organisation's buying committee.");
        group.MapGet("/{id}/stakeholders/{stakeholderId}", GetStakeholder).WithName("GetStakeholder");
        group.MapPatch("/{id}/stakeholders/{stakeholderId}", UpdateStakeholder).WithName("UpdateStakeholder");
        group.MapDelete("/{id}/stakeholders/{stakeholderId}", RemoveStakeholder).WithName("RemoveStakeholder");

        group.MapPost("/{id}/payment-methods", AddPaymentMethod).WithName("AddPaymentMethod")
            .WithSummary("Keeps a card on file as the provider's token, brand, last four and expiry.")
            .WithDescription("Anything that looks like a full card number in any field is refused with 422 and stored nowhere.");
        group.MapGet("/{id}/payment-methods/{paymentMethodId}", GetPaymentMethod).WithName("GetPaymentMethod");
        group.MapDelete("/{id}/payment-methods/{paymentMethodId}", RemovePaymentMethod).WithName("RemovePaymentMethod");
        return app;
    }

    private static async Task<Results<Ok<Page<CustomerSummary>>, ProblemHttpResult>> Search(
        string? q, int? limit, string? after, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await SearchCustomers.HandleAsync(db, actor, new(q, limit, after), time, ct)).ToOk();

    private static async Task<Results<Created<CustomerFile>, ProblemHttpResult>> Create(
        CustomerInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await CreateCustomer.HandleAsync(db, actor, input, time, ct)).ToCreated(c => $"/api/customers/{c.Id}");

    private static async Task<Results<Ok<CustomerFile>, ProblemHttpResult>> Get(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return ApiResults.NotFound("Customer");
        var recipients = await db.VisibleRecipientsAsync(actor, id, ct);
        return TypedResults.Ok(customer.ToFile(actor, time.GetUtcNow().UtcDateTime, recipients));
    }

    // One part of the file, as the file shows it to this actor.
    private static async Task<Results<Ok<T>, ProblemHttpResult>> Part<T>(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct, Func<CustomerFile, T?> pick, string what) where T : class
    {
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return ApiResults.NotFound("Customer");
        var file = customer.ToFile(actor, time.GetUtcNow().UtcDateTime, await db.VisibleRecipientsAsync(actor, id, ct));
        return pick(file) is { } part ? TypedResults.Ok(part) : ApiResults.NotFound(what);
    }

    private static Task<Results<Ok<RecipientView>, ProblemHttpResult>> GetRecipient(
        Guid id, Guid recipientId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        Part(id, db, actor, time, ct, f => f.Recipients.FirstOrDefault(r => r.Id == recipientId), "Recipient");

    private static Task<Results<Ok<StakeholderView>, ProblemHttpResult>> GetStakeholder(
        Guid id, Guid stakeholderId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        Part(id, db, actor, time, ct, f => f.Stakeholders.FirstOrDefault(s => s.Id == stakeholderId), "Stakeholder");

    private static Task<Results<Ok<PaymentMethodView>, ProblemHttpResult>> GetPaymentMethod(
        Guid id, Guid paymentMethodId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        Part(id, db, actor, time, ct, f => f.PaymentMethods?.FirstOrDefault(p => p.Id == paymentMethodId), "Payment method");

    private static async Task<Results<Ok<CustomerFile>, ProblemHttpResult>> Update(
        Guid id, CustomerInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await UpdateCustomer.HandleAsync(db, actor, id, input, time, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DeleteCustomer.HandleAsync(db, actor, id, time, ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Restore(
        Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await RestoreCustomer.HandleAsync(db, actor, id, ct)).ToNoContent();

    private static async Task<Results<Created<RecipientView>, ProblemHttpResult>> AddRecipient(
        Guid id, RecipientInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageRecipients.AddAsync(db, actor, id, input, ct)).ToCreated(r => $"/api/customers/{id}/recipients/{r.Id}");

    private static async Task<Results<Ok<RecipientView>, ProblemHttpResult>> UpdateRecipient(
        Guid id, Guid recipientId, RecipientInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageRecipients.UpdateAsync(db, actor, id, recipientId, input, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRecipient(
        Guid id, Guid recipientId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageRecipients.RemoveAsync(db, actor, id, recipientId, ct)).ToNoContent();

    private static async Task<Results<Created<StakeholderView>, ProblemHttpResult>> AddStakeholder(
        Guid id, StakeholderInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageStakeholders.AddAsync(db, actor, id, input, ct)).ToCreated(s => $"/api/customers/{id}/stakeholders/{s.Id}");

    private static async Task<Results<Ok<StakeholderView>, ProblemHttpResult>> UpdateStakeholder(
        Guid id, Guid stakeholderId, StakeholderInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageStakeholders.UpdateAsync(db, actor, id, stakeholderId, input, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveStakeholder(
        Guid id, Guid stakeholderId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageStakeholders.RemoveAsync(db, actor, id, stakeholderId, ct)).ToNoContent();

    private static async Task<Results<Created<PaymentMethodView>, ProblemHttpResult>> AddPaymentMethod(
        Guid id, PaymentMethodInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManagePaymentMethods.AddAsync(db, actor, id, input, time, ct)).ToCreated(p => $"/api/customers/{id}/payment-methods/{p.Id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePaymentMethod(
        Guid id, Guid paymentMethodId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManagePaymentMethods.RemoveAsync(db, actor, id, paymentMethodId, ct)).ToNoContent();
}
