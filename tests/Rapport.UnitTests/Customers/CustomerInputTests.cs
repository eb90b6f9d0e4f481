using Rapport.Core.Common;
using Rapport.Core.Customers;

namespace Rapport.UnitTests.Customers;

public class CustomerInputTests
{
    private const string Card = "4111 1111 1111 1111";

    private static readonly AddressInput Address = new("home", "12 Elm Street", null, "Overland Park", "KS", "66210", "US");

    public static TheoryData<string, CustomerInput> EveryFreeTextField => new()
    {
        { "name", new CustomerInput(CustomerKind.Person, Name: $"Tom {Card}") },
        { "phone", new CustomerInput(CustomerKind.Person, "Tom", Phone: Card) },
        { "email", new CustomerInput(CustomerKind.Person, "Tom", Email: $"{Card.Replace(" ", "")}@example.com") },
        { "phones[0].label", new CustomerInput(CustomerKind.Person, "Tom", Phones: [new("(913) 555-0142", Card)]) },
        { "emails[0].label", new CustomerInput(CustomerKind.Person, "Tom", Emails: [new("tom@example.com", Card)]) },
        { "addresses[0].line1", new CustomerInput(CustomerKind.Person, "Tom", Addresses: [Address with { Line1 = Card }]) },
        { "addresses[0].line2", new CustomerInput(CustomerKind.Person, "Tom", Addresses: [Address with { Line2 = Card }]) },
        { "addresses[0].city", new CustomerInput(CustomerKind.Person, "Tom", Addresses: [Address with { City = Card }]) },
        { "addresses[0].region", new CustomerInput(CustomerKind.Person, "Tom", Addresses: [Address with { Region = Card }]) },
        { "addresses[0].label", new CustomerInput(CustomerKind.Person, "Tom", Addresses: [Address with { Label = Card }]) },
        { "preferences.likes", new CustomerInput(CustomerKind.Person, "Tom", Preferences: new(null, $"tulips; card {Card}", null, null)) },
        { "preferences.notes", new CustomerInput(CustomerKind.Person, "Tom", Preferences: new(null, null, $"pays with {Card}", null)) },
        { "preferences.internalNotes", new CustomerInput(CustomerKind.Person, "Tom", Preferences: new(null, null, null, Card)) },
    };

    [Theory]
    [MemberData(nameof(EveryFreeTextField))]
    public void A_card_number_is_refused_in_every_free_text_field_of_a_customer(string field, CustomerInput input)
    {
        var v = new Validator();
        input.Validate(v, creating: true);

        v.IsValid.ShouldBeFalse();
        v.ToFailure().Errors![field].ShouldContain(Validator.CardNumberMessage);
    }

    [Fact]
    public void A_customer_without_card_numbers_is_valid()
    {
        var input = new CustomerInput(CustomerKind.Person, "Tom Lindqvist", "(913) 555-0142", "tom@example.com",
            Addresses: [Address], Preferences: new(85m, "tulips, garden roses", "no lilies", "prefers calls after 5"));
        var v = new Validator();
        input.Validate(v, creating: true);

        v.IsValid.ShouldBeTrue();
    }
}
