using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Catalog;
using Rapport.Core.Data;
using SkiaSharp;

namespace Rapport.Demo;

/// <summary>
/// The demo's product pictures, drawn when the demo is seeded (a posy of blooms in the product's colours, a vase, a
/// box of truffles) and kept through the same re-encoding as an upload, so the shop shows pictures from the first
/// start without shipping image files. About 10–20 KB each.
/// </summary>
internal static class DemoPictures
{
    private const int Side = 480;

    public static async Task AddAsync(IServiceProvider services, RapportDb db, Guid businessId, CancellationToken ct)
    {
        if (services.GetService<PictureStore>() is not { } store) return;
        var products = await db.Products.Where(p => p.PictureUrl == null).ToListAsync(ct);
        foreach (var product in products)
        {
            var jpeg = ProductPictures.Reencode(Draw(product));
            if (jpeg is null) continue;
            product.PictureUrl = ProductPictures.UrlOf(businessId, await store.SaveAsync(businessId, jpeg, ct));
        }
        await db.SaveChangesAsync(ct);
    }

    private static byte[] Draw(Product product)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Side, Side));
        var canvas = surface.Canvas;
        var name = product.Name.ToLowerInvariant();
        var (bloom, accent) = Colours(name);
        canvas.Clear(new SKColor(0xF6, 0xF1, 0xEA));
        using var paint = new SKPaint { IsAntialias = true };
        if (name.Contains("vase", StringComparison.Ordinal)) Vase(canvas, paint);
        else if (name.Contains("truffle", StringComparison.Ordinal)) Truffles(canvas, paint);
        else if (name.Contains("bear", StringComparison.Ordinal)) Bear(canvas, paint);
        else Posy(canvas, paint, bloom, accent, Math.Abs(StableHash(product.Name)));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static (SKColor Bloom, SKColor Accent) Colours(string name) => name switch
    {
        _ when name.Contains("red rose", StringComparison.Ordinal) || name.Contains("dozen", StringComparison.Ordinal) => (new(0xB3, 0x12, 0x2E), new(0xE0, 0x3A, 0x52)),
        _ when name.Contains("sun", StringComparison.Ordinal) => (new(0xF2, 0xB7, 0x05), new(0x8B, 0x4A, 0x12)),
        _ when name.Contains("white", StringComparison.Ordinal) || name.Contains("sympathy", StringComparison.Ordinal) || name.Contains("lily", StringComparison.Ordinal)
            || name.Contains("orchid", StringComparison.Ordinal) => (new(0xFA, 0xFA, 0xF5), new(0xE8, 0xE2, 0xC8)),
        _ when name.Contains("blush", StringComparison.Ordinal) || name.Contains("peony", StringComparison.Ordinal) => (new(0xF4, 0xB6, 0xC2), new(0xFA, 0xE1, 0xE6)),
        _ when name.Contains("hydrangea", StringComparison.Ordinal) => (new(0x7A, 0x9C, 0xE0), new(0xB8, 0xC9, 0xF0)),
        _ when name.Contains("tulip", StringComparison.Ordinal) => (new(0xF0, 0x6A, 0x8A), new(0xFF, 0xC8, 0x4A)),
        _ => (new(0xE8, 0x7A, 0x9A), new(0xA8, 0x7B, 0xD8)),
    };

    private static void Posy(SKCanvas canvas, SKPaint paint, SKColor bloom, SKColor accent, int seed)
    {
        var random = new Random(seed);
        paint.Color = new SKColor(0x4E, 0x7D, 0x3A);
        paint.StrokeWidth = 8;
        paint.Style = SKPaintStyle.Stroke;
        for (var i = 0; i < 7; i++) canvas.DrawLine(Side / 2f, Side - 40, 150 + i * 30, 230, paint);
        paint.Style = SKPaintStyle.Fill;
        paint.Color = new SKColor(0x6E, 0x9E, 0x55);
        canvas.DrawOval(new SKRect(120, 150, 360, 300), paint);
        for (var i = 0; i < 9; i++)
        {
            var (x, y) = (150 + random.Next(0, 180), 120 + random.Next(0, 130));
            var r = 34 + random.Next(0, 16);
            paint.Color = i % 3 == 2 ? accent : bloom;
            for (var petal = 0; petal < 6; petal++)
            {
                var angle = petal * Math.PI / 3;
                canvas.DrawCircle(x + (float)Math.Cos(angle) * r * 0.5f, y + (float)Math.Sin(angle) * r * 0.5f, r * 0.55f, paint);
            }
            paint.Color = paint.Color.WithAlpha(255) == SKColors.White ? new SKColor(0xF2, 0xD0, 0x5A) : new SKColor(0xFF, 0xF3, 0xC4);
            canvas.DrawCircle(x, y, r * 0.3f, paint);
        }
        paint.Color = new SKColor(0xC9, 0xA2, 0x7E);
        canvas.DrawRect(new SKRect(205, 330, 275, 380), paint);
    }

    private static void Vase(SKCanvas canvas, SKPaint paint)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = new SKColor(0xBF, 0xE3, 0xEA, 0xC0);
        canvas.DrawOval(new SKRect(150, 200, 330, 400), paint);
        canvas.DrawRoundRect(new SKRect(195, 100, 285, 260), 20, 20, paint);
        paint.Color = new SKColor(0xFF, 0xFF, 0xFF, 0x90);
        canvas.DrawRect(new SKRect(200, 150, 215, 360), paint);
    }

    private static void Truffles(SKCanvas canvas, SKPaint paint)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = new SKColor(0x3B, 0x24, 0x18);
        canvas.DrawRoundRect(new SKRect(80, 150, 400, 360), 18, 18, paint);
        for (var row = 0; row < 3; row++)
            for (var col = 0; col < 4; col++)
            {
                paint.Color = (row + col) % 2 == 0 ? new SKColor(0x6B, 0x3E, 0x26) : new SKColor(0xD9, 0xB9, 0x8C);
                canvas.DrawCircle(130 + col * 73, 195 + row * 62, 26, paint);
            }
    }

    private static void Bear(SKCanvas canvas, SKPaint paint)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = new SKColor(0xC8, 0x8A, 0x4A);
        canvas.DrawCircle(240, 320, 110, paint);
        canvas.DrawCircle(240, 170, 80, paint);
        canvas.DrawCircle(180, 110, 32, paint);
        canvas.DrawCircle(300, 110, 32, paint);
        paint.Color = new SKColor(0x3A, 0x24, 0x14);
        canvas.DrawCircle(215, 160, 8, paint);
        canvas.DrawCircle(265, 160, 8, paint);
        canvas.DrawCircle(240, 195, 12, paint);
    }

    /// <summary>A hash that is the same on every run (string.GetHashCode is not), so each product is drawn the same way.</summary>
    private static int StableHash(string s)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in s) hash = hash * 31 + c;
            return hash;
        }
    }
}
