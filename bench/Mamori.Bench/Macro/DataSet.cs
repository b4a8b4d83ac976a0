using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Bogus;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Provision;
using Mamori.Signals;
using Mamori.Vault;
using Mamori.Vault.Crypto;
using Person = Mamori.Vault.Person;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench.Macro;

/// <summary>How big the generated database is.</summary>
public sealed record Scale(string Name, int Persons, int Signals)
{
    public static readonly Scale Full = new("full", 1_000_000, 10_000_000);
    public static readonly Scale Quick = new("quick", 2_000, 20_000);

    /// <summary>Devices: about five signals each; one in five is linked to a person (at most one device per person).</summary>
    public int Devices => Math.Max(Signals / 5, 10);
    public int LinkedDevices => Math.Min(Devices / 5, Persons);
}

/// <summary>
/// A Mamori data directory (SQLite database and master key file) filled with generated persons, signals, consents,
/// provision records and device links at a <see cref="Scale"/>. Values are Japanese (Bogus, ja locale) and stored as
/// Mamori stores them: encrypted per person under a data key wrapped by the directory's master key, with blind indexes.
/// Rows go in by prepared single-row INSERTs built from EF Core's model, in large transactions, bypassing the use
/// cases (which audit every creation: 1,000,000 hash-chained audit appends would take longer than the whole run).
/// The directory is kept between runs, keyed by scale and schema, and reused; runs erase a few hundred persons from
/// it, which is negligible at full scale.
/// </summary>
public static class DataSet
{
    // Bump when the generated data changes shape, so old caches are not reused.
    private const string GeneratorVersion = "g3"; // g3: linked devices' signals sealed, as ingestion stores them
    private const int PersonsPerChunk = 2_000;
    private const int SignalsPerCommit = 20_000; // the writer's largest commit (SignalWriterOptions.MaxRowsPerCommit)
    private const int EventsPerVisit = 20;
    private static readonly DateTimeOffset Epoch = new(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));

    /// <param name="schema">The latest migration and the policy's content hash: a data set stores the policy version it was
    /// made under, and Mamori refuses a changed text under a published version, so either change means a new data set.</param>
    public static string DirectoryFor(string cacheRoot, Scale scale, string schema) =>
        Path.Combine(cacheRoot, $"mamori-{scale.Persons}p-{scale.Signals}s-{schema}-{GeneratorVersion}");

    /// <summary>The cached directory if complete, else a freshly generated one.</summary>
    public static async Task<string> EnsureAsync(string cacheRoot, Scale scale, bool regenerate, TextWriter log)
    {
        string schema;
        await using (var probe = MamoriServices.Open(Path.Combine(cacheRoot, "probe")))
            schema = probe.Services.GetRequiredService<MamoriDb>().Database.GetMigrations().Last().Split('_')[0] + "-" + probe.Policy.ContentHash[..8];
        var directory = DirectoryFor(cacheRoot, scale, schema);
        var ready = Path.Combine(directory, "generated");
        if (File.Exists(ready) && !regenerate)
        {
            await log.WriteLineAsync($"Data set: reusing {directory} ({File.ReadAllText(ready).Trim()}).");
            return directory;
        }
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        await using (var services = MamoriServices.Open(directory))
        {
            await services.InitialiseAsync();
            await GeneratePersonsAsync(services, scale, log);
            await GenerateSignalsAsync(services, scale, log);
            await log.WriteLineAsync("Data set: ANALYZE …");
            await services.Services.GetRequiredService<MamoriDb>().Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        await File.WriteAllTextAsync(ready, $"{scale.Persons:N0} persons, {scale.Signals:N0} signals, generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in {clock.Elapsed.TotalSeconds:F0} s");
        await log.WriteLineAsync($"Data set: generated {directory} in {clock.Elapsed.TotalSeconds:F0} s.");
        return directory;
    }

    /// <summary>The person of index <paramref name="i"/>: time-ordered ids, so the primary key grows at its end as in a live system.</summary>
    private static Guid PersonId(int i) => Guid.CreateVersion7(Epoch.AddSeconds(i));

    /// <summary>A device's random-looking id (32 hex characters, like the banner's).</summary>
    private static string DeviceId(int i) => Convert.ToHexStringLower(MD5.HashData(BitConverter.GetBytes(i)));

    private sealed record PersonChunk(List<Person> Persons, List<PersonKey> Keys, List<PersonLookup> Lookups, List<ConsentRecord> Consents,
        List<ProvisionRecord> Provisions, List<DeviceLink> Links);

    private static async Task GeneratePersonsAsync(MamoriServices services, Scale scale, TextWriter log)
    {
        var ring = services.Services.GetRequiredService<MasterKeyRing>();
        var lookups = services.Services.GetRequiredService<BlindIndex>();
        var policy = services.Policy;
        var chunks = (scale.Persons + PersonsPerChunk - 1) / PersonsPerChunk;
        var queue = Channel.CreateBounded<PersonChunk>(4);
        var next = -1;
        var producers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) < chunks)
                await queue.Writer.WriteAsync(MakePersons(chunk, scale, ring, lookups, policy));
        })).ToArray();
        _ = Task.WhenAll(producers).ContinueWith(t => queue.Writer.TryComplete(t.Exception));

        var clock = Stopwatch.StartNew();
        await using var scope = services.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        using var persons = InsertCommand<Person>.ForAllColumns(db, connection);
        using var items = InsertCommand<PersonItem>.ForAllColumns(db, connection);
        using var keys = InsertCommand<PersonKey>.ForAllColumns(db, connection);
        using var lookupRows = InsertCommand<PersonLookup>.ForAllColumns(db, connection);
        using var consents = InsertCommand<ConsentRecord>.ForAllColumns(db, connection);
        using var provisions = InsertCommand<ProvisionRecord>.ForAllColumns(db, connection);
        using var links = InsertCommand<DeviceLink>.ForAllColumns(db, connection);
        var done = 0;
        await foreach (var chunk in queue.Reader.ReadAllAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            persons.Transaction = items.Transaction = keys.Transaction = lookupRows.Transaction = consents.Transaction =
                provisions.Transaction = links.Transaction = transaction;
            foreach (var person in chunk.Persons)
            {
                persons.Execute(person);
                foreach (var item in person.Items)
                    items.Execute(item);
            }
            chunk.Keys.ForEach(r => keys.Execute(r));
            chunk.Lookups.ForEach(r => lookupRows.Execute(r));
            chunk.Consents.ForEach(r => consents.Execute(r));
            chunk.Provisions.ForEach(r => provisions.Execute(r));
            chunk.Links.ForEach(r => links.Execute(r));
            await transaction.CommitAsync();
            done += chunk.Persons.Count;
            if (done % 100_000 < PersonsPerChunk)
                await log.WriteLineAsync($"Data set: {done:N0} persons ({done / clock.Elapsed.TotalSeconds:N0}/s)");
        }
        await Task.WhenAll(producers);
    }

    private static PersonChunk MakePersons(int chunk, Scale scale, MasterKeyRing ring, BlindIndex lookups, Mamori.Policy.CurrentPolicy policy)
    {
        var policyVersion = policy.Version;
        var f = new Faker("ja") { Random = new Randomizer(20261127 + chunk) };
        var chunkData = new PersonChunk([], [], [], [], [], []);
        string[] purposes = ["agency.quote_application", "agency.claims_and_changes", "agency.inquiry_response", "agency.product_notice"];
        var first = chunk * PersonsPerChunk;
        for (var i = first; i < Math.Min(first + PersonsPerChunk, scale.Persons); i++)
        {
            var created = Epoch.AddSeconds(i);
            var person = new Person
            {
                Id = PersonId(i), CreatedAt = created, UpdatedAt = created,
                Kind = f.Random.WeightedRandom(["customer", "applicant", "business_contact"], [0.85f, 0.10f, 0.05f]),
                ProvisionSuspended = f.Random.Bool(0.02f),
            };
            using var key = DataKey.Generate(person.Id);
            var wrapped = new PersonKey { PersonId = person.Id, CreatedAt = created };
            wrapped.Store(DataKeyWrap.Wrap(ring, key), created);
            chunkData.Keys.Add(wrapped);

            var name = f.Name.LastName() + " " + f.Name.FirstName();
            var birthdate = DateOnly.FromDateTime(f.Date.Between(new DateTime(1940, 1, 1), new DateTime(2006, 12, 31)));
            var phone = f.Phone.PhoneNumber();
            var email = f.Internet.Email();
            var values = new Dictionary<string, string>
            {
                [Categories.Name] = name,
                ["contact.sex"] = f.PickRandom("男性", "女性"),
                [Categories.Birthdate] = birthdate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["contact.address"] = $"{f.Address.State()}{f.Address.City()}{f.Address.StreetAddress()}",
                [Categories.Phone] = phone,
                [Categories.Email] = email,
                ["profile.occupation"] = f.Name.JobTitle(),
                ["insurance.policy"] = "証券番号 " + f.Random.ReplaceNumbers("##########"),
            };
            var provenance = new Provenance { Channel = "direct", AcquiredAt = created, PolicyVersion = policyVersion, NotifiedPurposes = [.. purposes] };
            foreach (var (category, value) in values)
            {
                var item = new PersonItem
                {
                    Id = Guid.CreateVersion7(created), PersonId = person.Id, Category = category, Provenance = provenance.Copy(),
                    CreatedAt = created, CreatedBy = "bench",
                };
                item.Ciphertext = ItemCipher.EncryptText(key, category, item.Id, value);
                person.Items.Add(item);
            }
            chunkData.Persons.Add(person);
            chunkData.Lookups.Add(new PersonLookup { PersonId = person.Id, Kind = nameof(BlindIndexKind.Email), Hash = lookups.Email(email) });
            chunkData.Lookups.Add(new PersonLookup { PersonId = person.Id, Kind = nameof(BlindIndexKind.Phone), Hash = lookups.Phone(phone) });
            chunkData.Lookups.Add(new PersonLookup { PersonId = person.Id, Kind = nameof(BlindIndexKind.NameBirthdate), Hash = lookups.NameAndBirthdate(name, birthdate) });

            // One person in five chose in the consent settings; one in ten has a provision to an insurer on record.
            if (i % 5 == 0)
            {
                var receipt = Guid.NewGuid();
                foreach (var (category, given) in new[] { (ConsentCatalog.Location, f.Random.Bool()), (ConsentCatalog.Analytics, f.Random.Bool(0.8f)), (ConsentCatalog.Provision, true) })
                {
                    chunkData.Consents.Add(new ConsentRecord
                    {
                        SubjectKind = ConsentSubjectKind.Person, SubjectId = ConsentSubject.Person(person.Id).Id, Category = category, Given = given,
                        Method = ConsentMethods.SettingsPage, RecordedAt = created.AddDays(1), PolicyVersion = policyVersion, NoticeHash = policy.ContentHash,
                        ReceiptId = receipt, RecordedBy = "anonymous",
                    });
                }
            }
            if (i % 10 == 3)
            {
                var at = created.AddDays(2);
                chunkData.Provisions.Add(new ProvisionRecord
                {
                    Kind = RecordKinds.Provision, PersonId = person.Id, RecipientId = "kakacom", PartyName = "株式会社カカコム", Country = "JP",
                    Purpose = "agency.quote_application", Items = [Categories.Name, Categories.Birthdate, "insurance.policy"], Basis = "consent",
                    ConsentObtained = true, ConsentSource = ConsentSources.Acquisition, FirstAt = at, LastAt = at,
                    KeepUntil = ProvisionRecord.RetentionEnd(at, contractStandsIn: false), CreatedAt = at, CreatedBy = "bench",
                });
            }
            // Devices 0 … LinkedDevices-1 belong to persons spread over the whole range.
            var stride = scale.Persons / scale.LinkedDevices;
            if (i % stride == 0 && i / stride < scale.LinkedDevices)
            {
                chunkData.Links.Add(new DeviceLink
                {
                    DeviceId = DeviceId(i / stride), PersonId = person.Id, Purpose = "agency.usage_analysis", LinkedAt = created.AddDays(3), LinkedBy = "bench",
                });
            }
        }
        return chunkData;
    }

    /// <summary>Signals as the group-commit writer stores them: commits of ~20,000 rows, each device's rows in a commit
    /// covered by one range row. A third of the visits come from devices linked to persons.</summary>
    private static async Task GenerateSignalsAsync(MamoriServices services, Scale scale, TextWriter log)
    {
        string[] paths = ["/", "/car/", "/car/quote", "/life/", "/life/quote", "/fire/", "/faq", "/contact", "/campaign/2026-winter", "/branch/tokyo"];
        string[] agents =
        [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        ];
        var random = new Random(20261127);
        var clock = Stopwatch.StartNew();
        await using var scope = services.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        // A linked device's events are sealed under its person's key (SignalSeal), as ingestion and linking store them.
        var keyVault = scope.ServiceProvider.GetRequiredService<KeyVault>();
        // Unwrapped before the inserts: the bulk insert's transaction leaves the connection to nothing else.
        var owners = await db.Set<DeviceLink>().AsNoTracking().ToDictionaryAsync(l => l.DeviceId, l => l.PersonId);
        var personKeys = new Dictionary<int, DataKey>(scale.LinkedDevices);
        for (var d = 0; d < scale.LinkedDevices; d++)
            personKeys[d] = await keyVault.GetDataKeyAsync(owners[DeviceId(d)]);
        await log.WriteLineAsync($"Data set: {personKeys.Count:N0} linked persons' keys unwrapped");
        using var signals = InsertCommand<Signal>.ForAllColumns(db, connection);
        using var ranges = InsertCommand<DeviceSignalRange>.ForAllColumns(db, connection);
        var at = Epoch.AddDays(30);
        long id = 0;
        var devices = new Dictionary<string, (long First, long Last)>();
        while (id < scale.Signals)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            signals.Transaction = ranges.Transaction = transaction;
            devices.Clear();
            var received = at;
            for (var n = 0; n < SignalsPerCommit && id < scale.Signals; n += EventsPerVisit)
            {
                var index = random.Next(3) == 0 ? random.Next(scale.LinkedDevices) : random.Next(scale.Devices);
                var device = DeviceId(index);
                var key = index < scale.LinkedDevices ? personKeys[index] : null;
                var agent = agents[random.Next(agents.Length)];
                var ip = string.Create(CultureInfo.InvariantCulture, $"203.0.{random.Next(256)}.{random.Next(256)}");
                for (var e = 0; e < EventsPerVisit && id < scale.Signals; e++)
                {
                    var kind = random.Next(20);
                    var signal = new Signal
                    {
                        Id = ++id, ReceivedAt = received, DeviceId = device, At = at, UserAgent = agent, Ip = ip, Connection = "wifi", Os = "iOS 17.4",
                        Type = kind switch { 0 => SignalTypes.AdClick, 1 => SignalTypes.AppOpen, _ => SignalTypes.PageView },
                        Url = kind == 1 ? null : "https://www.kakacom-insurance.example" + paths[random.Next(paths.Length)],
                        Referrer = kind == 1 ? null : "https://www.google.com/",
                    };
                    if (kind == 1)
                    {
                        signal.Latitude = 35.68 + random.NextDouble();
                        signal.Longitude = 139.76 + random.NextDouble();
                        signal.LocationAccuracy = 30;
                        signal.AdId = Guid.NewGuid().ToString();
                    }
                    if (key is not null)
                        SignalSeal.Seal(signal, key);
                    signals.Execute(signal);
                    devices[device] = devices.TryGetValue(device, out var r) ? (r.First, id) : (id, id);
                    at = at.AddMilliseconds(50);
                }
            }
            foreach (var (device, (first, last)) in devices)
                ranges.Execute(new DeviceSignalRange { DeviceId = device, FirstSignalId = first, LastSignalId = last });
            await transaction.CommitAsync();
            if (id % 1_000_000 < SignalsPerCommit)
                await log.WriteLineAsync($"Data set: {id:N0} signals ({id / clock.Elapsed.TotalSeconds:N0}/s)");
        }
        foreach (var key in personKeys.Values)
            key.Dispose();
    }
}
