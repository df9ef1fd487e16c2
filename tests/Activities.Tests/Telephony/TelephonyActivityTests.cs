using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Activities.Telephony;
using RJH.DeviceWorkflows.Activities.Tests.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;
using static RJH.DeviceWorkflows.Activities.Tests.Support.ExternalSystemsBed;
using RegisterStatus = RJH.DeviceWorkflows.Registry.ExtensionStatus;

namespace RJH.DeviceWorkflows.Activities.Tests.Telephony;

/// <summary>The Telephony.* activities against the simulated switchboard and the real register.</summary>
public sealed class TelephonyActivityTests
{
    [Fact]
    public async Task A_created_extension_is_in_the_persons_unit_at_the_switchboard_and_recorded_with_its_id()
    {
        await using var bed = await CreateAsync();

        var (id, number) = await CreateExtensionAsync(bed, NewKey());

        var recorded = await ExtensionAsync(bed, id);
        Assert.Equal((number, "RJH", RegisterStatus.Active, Erik), (recorded.Number, recorded.Switchboard, recorded.Status, recorded.EmployeeId));
        var created = await bed.Telephony.GetExtensionAsync(recorded.SwitchboardExtensionId!);
        Assert.Equal((new ExtensionHolder("AKUT-1", Erik, "Erik Anställd"), "+46701740605"), (created!.Holder, created.MobileNumber));
    }

    [Fact]
    public async Task The_same_key_twice_creates_one_extension_and_records_it_once()
    {
        await using var bed = await CreateAsync();
        var key = NewKey();

        var first = await CreateExtensionAsync(bed, key);
        var again = await CreateExtensionAsync(bed, key);

        Assert.Equal(first, again);
        Assert.Single(await bed.Register.Extensions.ListAsync(RegisterUser.System, null, null));
        Assert.Equal("14701", first.Number);
    }

    [Fact]
    public async Task A_moved_extension_keeps_its_number_and_belongs_to_the_other_person_in_their_unit()
    {
        await using var bed = await CreateAsync();
        var (id, number) = await CreateExtensionAsync(bed, NewKey());

        await bed.RunAsync<MoveExtensionActivity>(NewKey(), ("extensionId", id), ("toEmployeeId", Maja));

        var moved = await ExtensionAsync(bed, id);
        Assert.Equal((number, Maja), (moved.Number, moved.EmployeeId));
        Assert.Equal(new ExtensionHolder("VC", Maja, "Maja Mobil"), (await bed.Telephony.GetExtensionAsync(moved.SwitchboardExtensionId!))!.Holder);
    }

    [Fact]
    public async Task A_removed_extension_is_Removed_and_removing_it_again_is_a_telephony_rejected_bpmn_error()
    {
        await using var bed = await CreateAsync();
        var (id, _) = await CreateExtensionAsync(bed, NewKey());

        await bed.RunAsync<RemoveExtensionActivity>(NewKey(), ("extensionId", id));
        var removed = await ExtensionAsync(bed, id);
        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => bed.RunAsync<RemoveExtensionActivity>(NewKey(), ("extensionId", id)));

        Assert.Equal((RegisterStatus.Removed, null), (removed.Status, removed.EmployeeId));
        Assert.Equal(ExternalSystemErrors.TelephonyRejected, error.Code);
        Assert.Equal(removed, await ExtensionAsync(bed, id));
    }

    [Fact]
    public async Task An_unavailable_switchboard_propagates_and_the_register_is_unchanged()
    {
        await using var bed = await CreateAsync(failureRate: 1);

        await UnavailableAsync(() => CreateExtensionAsync(bed, NewKey()));

        Assert.Empty(await bed.Register.Extensions.ListAsync(RegisterUser.System, null, null));
    }

    private static async Task<(Guid Id, string Number)> CreateExtensionAsync(ExternalSystemsBed bed, string key)
    {
        var result = await bed.RunAsync<CreateExtensionActivity>(key, ("employeeId", Erik), ("msisdn", "+46701740605"));
        return (Guid.Parse(result.Outputs["extensionId"]!.GetValue<string>()), result.Outputs["number"]!.GetValue<string>());
    }

    private static Task<ExtensionView> ExtensionAsync(ExternalSystemsBed bed, Guid id) => bed.Register.Extensions.GetAsync(RegisterUser.System, id);
}
