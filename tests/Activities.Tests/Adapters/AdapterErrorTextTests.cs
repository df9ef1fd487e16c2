using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters;

/// <summary>
/// An outside system's own words can name people (<see cref="FakeResponse.PersonalDetail"/>): the exception an adapter
/// throws, whose message becomes the job's error, the incident and the journal, carries only our words; the raw answer
/// goes to the log (which the host's sinks mask) so the failure can still be diagnosed.
/// </summary>
public sealed class AdapterErrorTextTests
{
    [Theory]
    [InlineData(422, "invalid_request")]
    [InlineData(409, "subscription_terminated")]
    [InlineData(503, "maintenance")]
    public async Task A_refusal_or_outage_of_the_operator_keeps_its_prose_out_of_the_message_and_in_the_log(int status, string code)
    {
        await using var t = new RestAdapterUnderTest<IOperatorClient>("Operator", _ => FakeResponse.Problem(status, code));

        var e = await Assert.ThrowsAnyAsync<AdapterException>(() => t.Client.TerminateSubscriptionAsync("sub-000042", "job-1"));

        AssertNoPersonalData(e);
        // The problem is JSON, whose encoder writes the '+' as \u002B: the name and personnummer are enough to recognise it.
        Assert.Contains(t.Log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Anna Andersson 19800101-1234", StringComparison.Ordinal)
            && l.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_telephony_answer_that_is_not_json_is_logged_but_not_repeated()
    {
        await using var t = new RestAdapterUnderTest<ITelephonyClient>("Telephony",
            _ => new FakeResponse(400, $"Refused for {FakeResponse.PersonalDetail}", "text/plain"));

        var e = await Assert.ThrowsAnyAsync<AdapterException>(() => t.Client.RemoveExtensionAsync("ext-1", "job-2"));

        AssertNoPersonalData(e);
        Assert.Contains(t.Log.Lines, l => l.Contains(FakeResponse.PersonalDetail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graphs_message_reaches_the_log_and_not_the_exception()
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(404,
            """{"error":{"code":"ResourceNotFound","message":""" + $"\"{FakeResponse.PersonalDetail}\"" + "}}"));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => graph.Client.WipeDeviceAsync("d-1", "k"));

        AssertNoPersonalData(e);
        Assert.Contains(graph.Log.Lines, l => l.Contains(FakeResponse.PersonalDetail, StringComparison.Ordinal));
    }

    private static void AssertNoPersonalData(Exception e)
    {
        foreach (var part in new[] { "Anna", "Andersson", "19800101", "1234", "46701740605" })
            Assert.DoesNotContain(part, e.Message, StringComparison.Ordinal);
    }
}
