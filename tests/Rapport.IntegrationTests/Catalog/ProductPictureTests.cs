using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Catalog;
using Rapport.Testing;
using SkiaSharp;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Catalog;

/// <summary>Product pictures: uploaded by staff, told by content, re-encoded, served with caching and nosniff; the demo's drawn ones.</summary>
public sealed class ProductPictureTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Owner = "owner@bloom.example";

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0xB3, 0x12, 0x2E));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private async Task<Product> ProductAsync(string slug = DemoData.Bloom) =>
        await app.WithDbAsync(await app.BusinessIdAsync(slug), async db =>
        {
            var product = new Product { Name = TestNames.Unique("Pictured roses"), Category = "Roses", Price = 60m };
            db.Products.Add(product);
            await db.SaveChangesAsync(Ct);
            return product;
        });

    private static MultipartFormDataContent Form(byte[] content, string fileName, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "picture", fileName);
        return form;
    }

    [Fact]
    public async Task A_picture_uploaded_on_the_catalogue_page_is_resized_re_encoded_and_served_cached_with_nosniff()
    {
        var product = await ProductAsync();
        var pages = await StaffPages.SignInAsync(app, Owner);
        var page = $"/app/catalog/{product.Id}/edit";

        var saved = await pages.PostFileAsync(page, $"{page}?handler=Picture", "picture", "roses.png", Png(2400, 1200));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = (await app.WithDbAsync(product.BusinessId, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.PictureUrl).SingleAsync(Ct)))!;
        url.ShouldStartWith($"/pictures/{product.BusinessId:N}/");
        (await pages.HtmlAsync(page)).ShouldContain($"src=\"{url}\"");
        var served = await app.CreateApiClient().GetAsync(url, Ct);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        served.Headers.CacheControl!.Public.ShouldBeTrue();
        served.Headers.CacheControl.MaxAge.ShouldNotBeNull().TotalDays.ShouldBeGreaterThan(300);
        var bytes = await served.Content.ReadAsByteArrayAsync(Ct);
        ProductPictures.Sniff(bytes).ShouldBe("jpeg");
        using var decoded = SKBitmap.Decode(bytes);
        (decoded.Width, decoded.Height).ShouldBe((1200, 600));
        (await app.WithDbAsync(product.BusinessId, db => db.AuditEntries.CountAsync(a => a.EntityId == product.Id && a.Action == "picture", Ct))).ShouldBe(1);
        // Names the store did not give, and another business's folder, are not found.
        (await app.CreateApiClient().GetAsync($"/pictures/{product.BusinessId:N}/..%2Fappsettings.json", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var harbor = await app.BusinessIdAsync(DemoData.Harbor);
        (await app.CreateApiClient().GetAsync(url.Replace(product.BusinessId.ToString("N"), harbor.ToString("N"), StringComparison.Ordinal), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("fake-png")]
    [InlineData("html")]
    [InlineData("too-big")]
    public async Task An_svg_a_file_that_only_looks_like_a_picture_or_one_over_5_MB_is_422_naming_picture_and_nothing_changes(string kind)
    {
        var product = await ProductAsync();
        var client = await app.ClientAsync(Owner);
        var (content, name, type) = kind switch
        {
            "svg" => ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "x.svg", "image/svg+xml"),
            "fake-png" => ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "not really a picture"u8.ToArray()], "x.png", "image/png"),
            "html" => ("<html><script>alert(1)</script></html>"u8.ToArray(), "x.jpg", "image/jpeg"),
            _ => ([0xFF, 0xD8, 0xFF, .. new byte[ProductPictures.MaxBytes]], "big.jpg", "image/jpeg"),
        };

        var response = await client.PostAsync($"/api/products/{product.Id}/picture", Form(content, name, type), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "picture");
        (await app.WithDbAsync(product.BusinessId, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.PictureUrl).SingleAsync(Ct))).ShouldBeNull();
    }

    [Fact]
    public async Task Only_owners_and_managers_upload_and_another_businesss_product_is_404()
    {
        var product = await ProductAsync();
        var png = Png(300, 300);
        (await (await app.ClientAsync("sales@bloom.example")).PostAsync($"/api/products/{product.Id}/picture", Form(png, "a.png", "image/png"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.ClientAsync("owner@harbor.example")).PostAsync($"/api/products/{product.Id}/picture", Form(png, "a.png", "image/png"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var uploaded = await (await (await app.ClientAsync("manager@bloom.example")).PostAsync($"/api/products/{product.Id}/picture", Form(png, "a.png", "image/png"), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        uploaded.Str("pictureUrl").ShouldStartWith("/pictures/");
    }

    [Fact]
    public async Task The_demo_shop_shows_drawn_pictures_under_2_MB_in_all()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var urls = await app.WithDbAsync(bloom, db => db.Products.Where(p => p.Active && p.PictureUrl != null && p.PictureUrl.StartsWith("/pictures/")).Select(p => p.PictureUrl!).ToListAsync(Ct));
        urls.Count.ShouldBeGreaterThanOrEqualTo(15);
        var html = await (await app.CreateApiClient().GetAsync("/shop/bloom", Ct)).Content.ReadAsStringAsync(Ct);
        html.ShouldContain($"src=\"{urls[0]}\"");
        var store = app.Services.GetRequiredService<PictureStore>();
        var folder = Path.Combine(store.Folder, bloom.ToString("N"));
        Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length).ShouldBeLessThan(2 * 1024 * 1024);
    }
}
