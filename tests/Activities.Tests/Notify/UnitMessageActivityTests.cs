using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;
using RJH.DeviceWorkflows.Activities.Tests.Notify.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

/// <summary>Notify.UnitMessage: each channel reports what reached the person; one channel failing leaves the other alone.</summary>
public sealed class UnitMessageActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DeviceInfo Phone = new(Guid.NewGuid(), "353284150123407", "F17KQ2ZLN7P1", "iPhone 15", DeviceType.Phone,
        DeviceStatus.Assigned, "E1001", null);

    [Fact]
    public async Task Both_channels_reach_a_person_with_address_and_phone()
    {
        var bed = new Bed([Phone]);

        var result = await bed.RunAsync("E1001", "email", "push");

        Assert.Equal(["email delivered", "push delivered"], Summary(result));
        var mail = Assert.Single(bed.Mail.Sent);
        Assert.Equal("Personalmöte flyttat", mail.Subject);
        Assert.Contains("Mötet är flyttat till kl. 14.", mail.TextBody);
        Assert.Contains("Anna Lindqvist, Vårdavdelning 1", mail.TextBody);
        var push = Assert.Single(bed.Mdm.Notifications);
        Assert.Equal(["push-E1001"], push.Notification.GroupIds);
        Assert.DoesNotContain("asa.oberg", result.JournalNote);
    }

    [Fact]
    public async Task Without_a_phone_the_push_fails_with_no_device_and_the_mail_still_goes()
    {
        var bed = new Bed([Phone with { Status = DeviceStatus.InRepair }]);

        var result = await bed.RunAsync("E1001", "email", "push");

        Assert.Equal(["email delivered", "push failed no-device"], Summary(result));
        Assert.Single(bed.Mail.Sent);
        Assert.Empty(bed.Mdm.Notifications);
    }

    [Fact]
    public async Task Without_an_address_the_mail_fails_with_no_address()
    {
        var bed = new Bed([Phone], FakeRegister.Person(email: null));

        var result = await bed.RunAsync("E1001", "email");

        Assert.Equal(["email failed no-address"], Summary(result));
        Assert.Empty(bed.Mail.Sent);
    }

    [Fact]
    public async Task An_MDM_refusal_fails_the_push_with_its_code_only_and_an_outage_is_left_to_the_retries()
    {
        var refusing = new Bed([Phone], mdm: new RefusingMdm(new AdapterRejectedException(AdapterSystems.Mdm, "forbidden", "asa.oberg@regionjh.se refused")));
        var result = await refusing.RunAsync("E1001", "push");
        Assert.Equal(["push failed mdm-forbidden"], Summary(result));
        Assert.DoesNotContain("asa.oberg", result.Outputs["deliveries"]!.ToJsonString());

        var down = new Bed([Phone], mdm: new RefusingMdm(new AdapterUnavailableException(AdapterSystems.Mdm, "down")));
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => down.RunAsync("E1001", "push"));
    }

    [Fact]
    public async Task A_long_text_is_shortened_for_the_notification_but_not_for_the_mail()
    {
        var bed = new Bed([Phone]);
        var text = new string('a', 700);

        await bed.RunAsync("E1001", ["email", "push"], text);

        var push = Assert.Single(bed.Mdm.Notifications).Notification;
        Assert.Equal(MdmNotification.MaxBodyLength, push.Body.Length);
        Assert.EndsWith("…", push.Body);
        Assert.Contains(text, Assert.Single(bed.Mail.Sent).TextBody);
    }

    private static string[] Summary(ActivityResult result) =>
        [.. result.Outputs["deliveries"]!.AsArray().Select(d => $"{d!["channel"]} {d["status"]}{(d["reason"] is { } r ? $" {r}" : "")}")];

    private sealed class Bed
    {
        private readonly UnitMessageActivity activity;

        public Bed(IReadOnlyList<DeviceInfo> devices, PersonInfo? person = null, IMdmClient? mdm = null)
        {
            var time = new FakeTimeProvider(Now);
            var mailOptions = Options.Create(new MailOptions());
            var directory = new Directory(person ?? FakeRegister.Person(), devices);
            Mdm = Simulators.Mdm();
            activity = new UnitMessageActivity(new MailRecipients(directory), new MailTemplates(mailOptions, time), new MailComposer(mailOptions),
                Mail, mdm ?? Mdm, directory, Options.Create(new MdmOptions()), time, NullLogger<UnitMessageActivity>.Instance);
        }

        public RecordingSender Mail { get; } = new();
        public SimulatedMdmClient Mdm { get; }

        public Task<ActivityResult> RunAsync(string to, params string[] channels) => RunAsync(to, channels, "Mötet är flyttat till kl. 14.");

        public Task<ActivityResult> RunAsync(string to, string[] channels, string body) =>
            activity.ExecuteAsync(new ActivityContext(Guid.NewGuid(), null, "deliver", Guid.NewGuid().ToString("N"), new Dictionary<string, JsonNode?>
            {
                ["to"] = to, ["title"] = "Personalmöte flyttat", ["body"] = body, ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]),
                ["sender"] = "Anna Lindqvist", ["unit"] = "Vårdavdelning 1",
            }), default);
    }

    private sealed class Directory(PersonInfo person, IReadOnlyList<DeviceInfo> devices) : IRegisterDirectory
    {
        private readonly FakeRegister people = new(person);

        public Task<PersonInfo?> FindPersonAsync(string employeeId, CancellationToken ct = default) => people.FindPersonAsync(employeeId, ct);
        public Task<IReadOnlyList<DeviceInfo>> DevicesAssignedToAsync(string employeeId, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<DeviceInfo>>([.. devices.Where(d => d.AssignedToEmployeeId == employeeId)]);
        public Task<PersonInfo?> FindPersonByUserNameAsync(string userName, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<UnitInfo?> FindUnitAsync(string unitId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<UnitInfo>> AncestryAsync(string unitId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlySet<string>> UnitsManagedByAsync(string userName, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<PersonInfo>> PeopleInUnitsAsync(IEnumerable<string> unitIds, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<DeviceInfo?> FindDeviceAsync(Guid deviceId, CancellationToken ct = default) => throw new NotSupportedException();
    }

    private sealed class RecordingSender : IMailSender
    {
        public List<MimeMessage> Sent { get; } = [];

        public Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            Sent.Add(message);
            return Task.FromResult(new MailReceipt(message.MessageId ?? "", Now, AlreadySent: false));
        }
    }

    private sealed class RefusingMdm(Exception failure) : IMdmClient
    {
        public Task<MdmNotificationResult> SendNotificationAsync(MdmNotification notification, string idempotencyKey, CancellationToken ct = default) =>
            Task.FromException<MdmNotificationResult>(failure);
        public Task<MdmEnrollment> EnrollDeviceAsync(MdmEnrollmentRequest request, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> LockDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> WipeDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> RetireDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmActionResult> ReleaseActivationLockAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MdmDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
