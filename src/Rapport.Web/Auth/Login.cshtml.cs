using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Auth;

namespace Rapport.Web.Auth;

[AllowAnonymous]
public sealed class LoginModel(StaffSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/app") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail and password.";
            return Page();
        }
        var (outcome, retryAfter) = await signIn.SignInAsync(HttpContext, Email, Password, IdentityConstants.ApplicationScheme, Remember);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/app");
            case SignInOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Error = $"Too many failed attempts. Try again in {Math.Ceiling(retryAfter!.Value.TotalMinutes)} minute(s).";
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Error = "Wrong e-mail or password.";
                return Page();
        }
    }
}
