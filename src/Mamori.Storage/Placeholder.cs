namespace Mamori.Storage; internal static class Placeholder;
