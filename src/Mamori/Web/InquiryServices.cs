using System.Threading.RateLimiting;
using Mamori.Inquiries;
using Mamori.Requests.Forms;

namespace Mamori.Host.Web;

public static class InquiryServices
{
    /// <summary>The inquiry desk (§12), the public form's robot checks and its per-address limit; the request forms (§9(2)).</summary>
    public static IServiceCollection AddMamoriInquiries(this IServiceCollection services, ServeOptions options)
    {
        services.AddScoped<InquiryRegister>();
        services.AddSingleton<InquiryFormGuard>();
        services.AddSingleton<RequestForms>();

        // Sending the form is public: each client address may do it a few times an hour; showing it is free.
        services.AddRateLimiter(o => o.AddPolicy(RateLimits.Inquiry, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.InquiryPostsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));
        return services;
    }
}
