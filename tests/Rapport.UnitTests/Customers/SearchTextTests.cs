using Rapport.Core.Customers;

namespace Rapport.UnitTests.Customers;

public class SearchTextTests
{
    [Theory]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    [InlineData("Øster", "oster")]
    [InlineData("Straße", "strasse")]
    [InlineData("STRAẞE", "strasse")]
    [InlineData("Renée Müller-Lüdenscheidt", "renee muller-ludenscheidt")]
    [InlineData("Æbeltoft Œuvre", "aebeltoft oeuvre")]
    [InlineData("Łódź Đorđević", "lodz dordevic")]
    [InlineData("Þórunn", "thorunn")]
    [InlineData("François Ñúñez", "francois nunez")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("TOM LINDQVIST", "tom lindqvist")]
    public void Case_and_accents_are_folded(string text, string folded) =>
        SearchText.Normalize(text).ShouldBe(folded);

    [Fact]
    public void Precomposed_and_decomposed_accents_fold_alike() =>
        SearchText.Normalize("Zoe\u0308").ShouldBe(SearchText.Normalize("Zo\u00eb"));

    [Theory]
    [InlineData("  Anna   Maria \t Berg  ", "anna maria berg")]
    [InlineData("Anna\r\nMaria", "anna maria")]
    [InlineData("Anna\u00a0Maria", "anna maria")]
    [InlineData("\tAnna", "anna")]
    public void Whitespace_is_collapsed_and_trimmed(string text, string folded) =>
        SearchText.Normalize(text).ShouldBe(folded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Nothing_folds_to_the_empty_string(string? text) =>
        SearchText.Normalize(text).ShouldBe("");

    [Theory]
    [InlineData("50%", "50\\%")]
    [InlineData("first_name", "first\\_name")]
    [InlineData("C:\\path", "C:\\\\path")]
    [InlineData("\\%_", "\\\\\\%\\_")]
    [InlineData("plain", "plain")]
    public void EscapeLike_makes_wildcards_match_literally(string text, string escaped) =>
        SearchText.EscapeLike(text).ShouldBe(escaped);
}
