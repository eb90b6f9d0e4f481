using Rapport.Core.Common;

namespace Rapport.UnitTests.Common;

public class ValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(Validator v) => v.ToFailure().Errors!;

    [Fact]
    public void A_new_validator_is_valid()
    {
        var v = new Validator();

        v.IsValid.ShouldBeTrue();
        v.ToFailure().Kind.ShouldBe(FailureKind.Invalid);
        Errors(v).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_required_field_must_be_given(string? value)
    {
        var v = new Validator().Required("name", value, 120);

        v.IsValid.ShouldBeFalse();
        Errors(v)["name"].ShouldBe(["This field is required."]);
    }

    [Fact]
    public void A_required_field_that_is_given_is_valid() =>
        new Validator().Required("name", "Tom Lindqvist", 120).IsValid.ShouldBeTrue();

    [Fact]
    public void A_field_may_be_as_long_as_its_maximum_and_no_longer()
    {
        new Validator().MaxLength("notes", new string('x', 40), 40).IsValid.ShouldBeTrue();
        new Validator().Required("name", new string('x', 40), 40).IsValid.ShouldBeTrue();

        Errors(new Validator().MaxLength("notes", new string('x', 41), 40))["notes"].ShouldBe(["At most 40 characters."]);
        Errors(new Validator().Required("name", new string('x', 41), 40))["name"].ShouldBe(["At most 40 characters."]);
    }

    [Fact]
    public void An_optional_field_may_be_left_out() =>
        new Validator().MaxLength("notes", null, 40).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("tom.lindqvist@example.com")]
    [InlineData("purchasing@grandpierhotel.example")]
    [InlineData("a@b")]
    public void An_email_address_is_accepted(string email) =>
        new Validator().Email("email", email).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("tom.lindqvist")]
    [InlineData("@example.com")]
    [InlineData("tom@")]
    [InlineData("tom@lind@example.com")]
    [InlineData("tom lindqvist@example.com")]
    public void Something_else_is_not_an_email_address(string email) =>
        Errors(new Validator().Email("email", email))["email"].ShouldBe(["Not an e-mail address."]);

    [Fact]
    public void An_overlong_email_address_is_refused() =>
        Errors(new Validator().Email("email", new string('a', 250) + "@x.com"))["email"].ShouldContain("At most 254 characters.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Email_and_phone_are_optional(string? value)
    {
        new Validator().Email("email", value).IsValid.ShouldBeTrue();
        new Validator().Phone("phone", value).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("(913) 555-0142")]
    [InlineData("+49 30 1234567")]
    public void A_phone_number_is_accepted(string phone) =>
        new Validator().Phone("phone", phone).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("555-0142")]
    [InlineData("call me")]
    public void Something_else_is_not_a_phone_number(string phone) =>
        Errors(new Validator().Phone("phone", phone))["phone"].ShouldBe(["Not a phone number."]);

    public static TheoryData<string, Func<Validator, string, Validator>> FreeTextChecks => new()
    {
        { "required", (v, text) => v.Required("name", text, 200) },
        { "max length", (v, text) => v.MaxLength("notes", text, 200) },
        { "email", (v, text) => v.Email("email", text) },
        { "phone", (v, text) => v.Phone("phone", text) },
    };

    [Theory]
    [MemberData(nameof(FreeTextChecks))]
    public void A_card_number_is_refused_in_any_free_text_field(string check, Func<Validator, string, Validator> validate)
    {
        var fields = new[] { "4111 1111 1111 1111", "card 4242-4242-4242-4242 exp 12/28", "4111111111111111@example.com" };
        foreach (var text in fields)
        {
            var errors = Errors(validate(new Validator(), text));

            errors.Values.SelectMany(e => e).ShouldContain(Validator.CardNumberMessage, $"{check}: {text}");
        }
    }

    [Fact]
    public void Errors_are_collected_under_each_field()
    {
        var v = new Validator()
            .Required("name", null, 120)
            .Email("email", "nope")
            .Add("email", "Already taken.")
            .Range("budget", 5m, 0m, 1m);

        Errors(v).Keys.ShouldBe(["name", "email", "budget"], ignoreOrder: true);
        Errors(v)["email"].ShouldBe(["Not an e-mail address.", "Already taken."]);
        Errors(v)["budget"].ShouldBe(["Must be between 0 and 1."]);
    }
}
