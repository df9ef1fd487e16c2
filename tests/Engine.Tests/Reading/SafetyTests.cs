using RJH.DeviceWorkflows.Engine.Model.Reading;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>Uploads come from users: bad input is refused with a reason, never with an exception.</summary>
public class SafetyTests
{
    [Fact]
    public void Malformed_xml_gives_one_diagnostic_with_the_line_of_the_fault()
    {
        var xml = Process("""
                <bpmn:startEvent id="s">
                <bpmn:endEvent id="e" />
            """);

        var diagnostic = Assert.Single(Refuse(xml));

        Assert.Null(diagnostic.ElementId);
        Assert.Equal(LineOf(xml, "</bpmn:process>"), diagnostic.Line);
        Assert.Contains("not well-formed XML", diagnostic.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    public void Text_that_is_no_xml_is_refused_on_line_one(string text)
    {
        var diagnostic = Assert.Single(Refuse(text));

        Assert.Equal((null, 1), (diagnostic.ElementId, diagnostic.Line));
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <bpmn:definitions {Namespaces}id="d">
                  <bpmn:process id="p" name="&xxe;"><bpmn:startEvent id="s" /></bpmn:process>
                </bpmn:definitions>
                """;

            var diagnostic = Assert.Single(Refuse(xml));

            Assert.Contains("DTD", diagnostic.Message);
            Assert.DoesNotContain("TOP-SECRET", diagnostic.Message);
            Assert.Equal((null, 2), (diagnostic.ElementId, diagnostic.Line));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """;

        Assert.Contains("DTD", Assert.Single(Refuse(xml)).Message);
    }

    [Fact]
    public void Input_larger_than_the_limit_is_refused_before_parsing()
    {
        var xml = Around("""<bpmn:userTask id="x" />""");
        var options = new BpmnReaderOptions { MaxBytes = xml.Length - 1 };

        var diagnostic = Assert.Single(Refuse(xml, options));

        Assert.Contains($"larger than {xml.Length - 1} bytes", diagnostic.Message);
    }

    [Fact]
    public void The_limit_counts_utf8_bytes_not_characters()
    {
        var xml = Around("""<bpmn:userTask id="x" name="Åsa Östlund äger ärendet" />""");
        var options = new BpmnReaderOptions { MaxBytes = xml.Length };

        Assert.Contains("larger than", Assert.Single(Refuse(xml, options)).Message);
    }

    [Fact]
    public void The_default_limit_is_two_megabytes()
    {
        var xml = Around($"""<bpmn:userTask id="x"><bpmn:documentation>{new string('a', 2_000_000)}</bpmn:documentation></bpmn:userTask>""");

        Assert.Contains("larger than 2000000 bytes", Assert.Single(Refuse(xml)).Message);
    }

    [Fact]
    public void Null_input_is_refused()
    {
        Assert.Single(Refuse(null!));
    }

    [Fact]
    public void A_root_other_than_bpmn_definitions_is_refused()
    {
        var xml = """<definitions xmlns="http://example.com/not-bpmn" id="d"><process id="p" /></definitions>""";

        Assert.Contains("bpmn:definitions", Assert.Single(Refuse(xml)).Message);
    }

    [Fact]
    public void A_file_without_process_is_refused()
    {
        var xml = $"""<bpmn:definitions {Namespaces}id="d"><bpmn:collaboration id="c" /></bpmn:definitions>""";

        AssertReported(xml, Refuse(xml), "d", "no bpmn:process");
    }

    [Fact]
    public void Deeply_nested_sub_processes_are_refused_without_overflowing_the_stack()
    {
        const int depth = 5_000;
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => $"""<bpmn:subProcess id="sp{i}"><bpmn:startEvent id="s{i}" />"""));
        var close = string.Concat(Enumerable.Repeat("</bpmn:subProcess>", depth));
        var xml = Process($"""<bpmn:startEvent id="start" />{open}{close}""");

        Assert.Contains(Refuse(xml), d => d.Message.Contains("nested more than"));
    }

    [Fact]
    public void A_catalogue_callback_that_throws_counts_as_an_unknown_activity()
    {
        var options = new BpmnReaderOptions { IsKnownActivity = _ => throw new InvalidOperationException("catalogue down") };
        var xml = Around("""<bpmn:serviceTask id="x" rjh:activity="Mdm.Enroll" />""");

        AssertReported(xml, Refuse(xml, options), "x", "is not known");
    }
}
