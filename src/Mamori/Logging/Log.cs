using Mamori.Compliance;
using Mamori.Staff;

namespace Mamori.Host.Logging;

/// <summary>
/// Every record Mamori writes itself. They carry ids Mamori assigned, policy ids it has recognised, counts and codes;
/// never a value. The parameters are classified all the same, so a value passed here by mistake is redacted rather
/// than written. Event ids: 1xxx persons, 2xxx decisions, 3xxx requests and sign-in.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Person {PersonId} created: {Kind}, {ItemCount} item(s), by {Actor}")]
    public static partial void PersonCreated(this ILogger logger, [Pseudonymous] Guid personId, string kind, int itemCount, [Pseudonymous] string actor);

    [LoggerMessage(1002, LogLevel.Information, "Person {PersonId} read for {Purpose}: {ItemCount} item(s) given, {WithheldCount} withheld")]
    public static partial void PersonRead(this ILogger logger, [Pseudonymous] Guid personId, string purpose, int itemCount, int withheldCount);

    [LoggerMessage(1003, LogLevel.Information, "Person {PersonId} changed for {Purpose}: {ItemCount} item(s) set by {Actor}")]
    public static partial void PersonChanged(this ILogger logger, [Pseudonymous] Guid personId, string purpose, int itemCount, [Pseudonymous] string actor);

    [LoggerMessage(1004, LogLevel.Information, "File item {ItemId} of person {PersonId} stored under {Category} by {Actor}")]
    public static partial void FileStored(this ILogger logger, [Pseudonymous] Guid itemId, [Pseudonymous] Guid personId, string category, [Pseudonymous] string actor);

    [LoggerMessage(1005, LogLevel.Information, "File item {ItemId} of person {PersonId} read for {Purpose}")]
    public static partial void FileRead(this ILogger logger, [Pseudonymous] Guid itemId, [Pseudonymous] Guid personId, string purpose);

    [LoggerMessage(1006, LogLevel.Information, "Search by {Fields} found {MatchCount} person(s)")]
    public static partial void PersonsSearched(this ILogger logger, string fields, int matchCount);

    [LoggerMessage(1007, LogLevel.Information, "Person {PersonId} erased by {Actor}: data key destroyed")]
    public static partial void PersonErased(this ILogger logger, [Pseudonymous] Guid personId, [Pseudonymous] string actor);

    [LoggerMessage(2001, LogLevel.Information, "Use denied: {Purpose} of {Subject} for {CategoryCount} category(ies): {Reasons}")]
    public static partial void UseDenied(this ILogger logger, string purpose, [Pseudonymous] string subject, int categoryCount, string reasons);

    [LoggerMessage(EventId = 3001, Message = "Refused with {Status} {Code} at {Endpoint}")]
    public static partial void Refused(this ILogger logger, LogLevel level, int status, string code, string endpoint);

    [LoggerMessage(3002, LogLevel.Information, "Console sign-in refused: {Outcome}")]
    public static partial void SignInRefused(this ILogger logger, SignInOutcome outcome);
}
