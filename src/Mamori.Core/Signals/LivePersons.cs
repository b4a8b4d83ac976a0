using Mamori.Data;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>A person that is there to link to or read from, with the vault's codes when not.</summary>
internal static class LivePersons
{
    public static async Task<Person> FindAsync(MamoriDb db, Guid personId, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new MamoriException("person.not_found", "No such person.", 404);
        return person.ErasedAt is null ? person
            : throw new MamoriException("person.erased", "This person was erased; their data can no longer be used.", 410);
    }
}
