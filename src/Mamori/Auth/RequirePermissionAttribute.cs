using Mamori.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Host.Auth;

/// <summary>Marks a console page as needing one permission (a console session whose role grants it).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(Permissions.PolicyName(permission))
{
    public Permission Permission { get; } = permission;
}
