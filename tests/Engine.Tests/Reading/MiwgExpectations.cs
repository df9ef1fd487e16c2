namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>
/// Which elements the reader refuses in each MIWG case (file as is, or one pool marked executable).
/// The comment says why; "abstract task" is a plain bpmn:task, which names no work the engine could do.
/// Collapsed sub-processes in these files have no content, hence no start event.
/// </summary>
internal static class MiwgExpectations
{
    public static TheoryData<string, string?, string[]> Refused => new()
    {
        { "A.1.0.bpmn", null, [
            "_ec59e164-68b4-4f94-98de-ffb1c58a84af", // abstract task
            "_820c21c0-45f3-473b-813f-06381cc637cd", // abstract task
            "_e70a6fcb-913c-4a7b-a65d-e83adc73d69c", // abstract task
        ] },
        { "A.2.0.bpmn", null, [
            "_5a972b87-735d-454a-b31c-f52fb3afc5c7", // abstract task
            "_4f7d62d7-f0e6-46bc-be00-69e02da38f65", // abstract task
            "_e6eb725a-34bc-45c7-aed0-9f9596cd7bee", // abstract task
            "_35fe57a7-1302-44e2-bf58-032f11af7ecb", // unguarded gateway flows
            "_7d399717-1aba-47ac-8d7d-8aaa033255e0", // abstract task
        ] },
        { "A.2.1.bpmn", null, [
            "_To9ZpzOCEeSknpIVFCxNIQ", // abstract task
            "_To9ZtjOCEeSknpIVFCxNIQ", // abstract task
            "_To9ZwDOCEeSknpIVFCxNIQ", // abstract task
            "_To9ZyjOCEeSknpIVFCxNIQ", // unguarded gateway flows
            "_To9ZzzOCEeSknpIVFCxNIQ", // abstract task
        ] },
        { "A.3.0.bpmn", null, [
            "_65f5459f-44ae-436d-a089-a91d6d78075b", // abstract task
            "_1ae31d1b-2559-4f78-a3ec-47986a49db48", // collapsed sub-process, no start
            "_428dcbf5-8e5e-48e0-9c0c-d93003fa8c82", // message without messageRef
            "_178e16eb-4c9e-4ea0-9644-7c5fb2b71825", // escalation boundaryEvent
            "_9fad8da5-a28c-4b6b-bb71-fbd5c65b9681", // abstract task
            "_72204cd7-709c-4656-9554-3ae29b3844ce", // abstract task
            "_2d2d0d29-896f-49f9-8109-77a7304309c5", // abstract task
        ] },
        { "A.4.0.bpmn", null, [
            "_1373649948794", // several pools, none executable
        ] },
        { "A.4.0.bpmn", "WFP-6-1", [
            "_ab851300-b5de-4ad3-bbec-215553757fc8", // abstract task
            "_80d1f02b-f39c-45c2-b731-43df75d81779", // abstract task
        ] },
        { "A.4.0.bpmn", "WFP-6-2", [
            "_1c347d0d-750b-4c09-980d-6877caae409b", // abstract task
            "_09532ad3-e571-4214-b580-7bebf4bb68b1", // abstract task
            "_6fed62c8-8241-4a1d-ae67-266fda7dcead", // abstract task
            "_15f8f2a4-5e55-4159-b349-403ac4cbdefb", // abstract task
        ] },
        { "A.4.1.bpmn", null, [
            "sid-ad44e239-e96e-4a80-b0e4-cf63b741c3cb", // several pools, none executable
        ] },
        { "A.4.1.bpmn", "sid-34746A54-1D7D-46CA-B219-0C4CEAE51170", [
            "sid-3D477D07-D669-4A26-9454-12AD775FDE70", // abstract task
            "sid-1208A5BA-9E1C-49D2-82E3-5DB2C0E9887D", // abstract task
        ] },
        { "A.4.1.bpmn", "sid-54D696FD-DEDC-45F3-99DB-1404DA433FC4", [
            "sid-34E8C3A5-5C2A-4593-AC67-038B737814D7", // abstract task
            "sid-A52AFB6A-43EE-47FE-A95F-057845582F1D", // abstract task
            "sid-485E1184-9951-4B41-9794-A9AFD42A3249", // abstract task
            "sid-B414AE83-11A2-4968-B4E4-45833D641928", // abstract task
        ] },
        { "B.1.0.bpmn", null, [
            "_1373655174418", // several pools, none executable
        ] },
        { "B.1.0.bpmn", "Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450", [
            "_c57a5344-213f-4834-a6c3-94ce878b413c", // abstract task
        ] },
        { "B.1.0.bpmn", "WFP-6-1", [
            "_e314751e-5c3a-41f2-a1ae-4cb99efa0916", // empty timer
            "_219b9ca1-d4c5-497d-a4f7-06a44a6da20e", // abstract task
            "_ec919941-53ec-403d-97e1-6a163a063f21", // no rjh:activity
        ] },
        { "B.1.0.bpmn", "WFP-6-2", [
            "_2ee553a1-cb03-41e3-b285-345c826fc88d", // message endEvent
            "_3c8c32c3-089a-4643-bf42-6c37c0dac7e0", // unguarded gateway flows
            "_1eb62392-1f21-4a63-bbcb-c78880c3165e", // collapsed sub-process, no start
            "_ad81e6ba-40f5-43c1-9602-47d2e58804c8", // unguarded gateway flows
            "_6936f794-7bbb-4aa1-ae48-3a35bab4e2f4", // abstract task
            "_fea1c5af-6c76-403f-809e-26d476d92741", // no rjh:activity
        ] },
        { "B.1.0.bpmn", "WFP-0-", [
            "_47207d3b-8dc2-4679-bf33-c1e7e677765b", // abstract task
        ] },
        { "B.2.0.bpmn", null, [
            "_1373638079286", // several pools, none executable
        ] },
        { "B.2.0.bpmn", "Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450", [
            "_cba8fbed-2bb6-40a9-8ac5-83e827ce9d9f", // conditional startEvent
            "_c57a5344-213f-4834-a6c3-94ce878b413c", // multi-instance without rjh:collection
            "_86b052b4-225c-424e-b900-bb94bdd77cec", // message without messageRef
            "_3bfec246-ab94-4807-a79a-3df91ac13800", // no rjh:activity
        ] },
        { "B.2.0.bpmn", "WFP-6-1", [
            "_708d55c8-684a-4e3b-a69d-69c620cd0ac0", // escalation boundaryEvent
            "_2a08c361-be51-437e-a86d-c62798c14e83", // abstract task
            "_732c0641-b12f-448b-b9f8-a68b355782e3", // conditional boundaryEvent
            "_8f41085a-3302-4cfc-9231-23bb4b43c7a1", // abstract task
            "_4e71bf73-1719-401e-a9a2-85dc89fc1150", // empty timer
            "_5cc02d0f-c090-4e48-8da3-f32cbbca9565", // signal endEvent
            "_b67ba682-c8d6-465b-b538-c287db18d1be", // message endEvent
            "_ac1fde31-c0cd-4a8a-9728-a5fb49602de7", // no rjh:activity
            "_dec393e7-f182-4d31-b05f-e33ac3a5e35f", // unguarded gateway flows
            "_c9cb2415-6a2e-49d6-84b9-27babcde4088", // conditional intermediateCatchEvent
            "_a01498ae-086c-4adc-9229-ec3135bc2bcf", // abstract task
            "_76ee26df-2c95-495b-9d9a-cb806aea6baf", // no rjh:activity
            "_149a6e1d-0385-4d0f-a90c-c2150a291a67", // collapsed sub-process, no start
            "_b9343536-6490-4559-8365-71d5c4cbb7cb", // standard loop
            "_0326fdf5-7c71-41d9-838c-ab141a1b1ed0", // throw event
            "_f3698a93-fe0b-4f49-bfa6-68d055936af3", // abstract task
            "_d84e5824-7bb7-4057-9dba-6c8794f7948c", // abstract task
        ] },
        { "B.2.0.bpmn", "WFP-6-2", [
            "_6936f794-7bbb-4aa1-ae48-3a35bab4e2f4", // no rjh:activity
            "_5a6baa94-303a-4750-bde2-e1cd6edace37", // empty timer
            "_fa90f891-fc07-463a-97c9-2ee0812351e1", // no rjh:activity
            "_68ca1f8b-5028-4079-9e35-619b529f4d71", // conditional boundaryEvent
            "_45ceee21-0f15-4bf8-87a9-b3f808173e61", // escalation boundaryEvent
            "_73343358-7838-48a1-baf2-2b0266e3a55b", // abstract task
            "_e454657a-0173-41a4-a4c7-d16ec224f2e1", // signal boundaryEvent
            "_137281ee-758e-4c36-8942-74c5d807e1b3", // abstract task
            "_79341f54-50d4-4c60-85f3-fe8839a7554b", // empty timer
            "_15e9a3bf-53de-40d8-8364-7f534b175ff4", // abstract task
            "_e369fd30-1a71-4d0e-b4d7-2174dd5ba388", // message without messageRef
            "_dbca671f-08b6-4b58-a614-62b98fa36be5", // abstract task
            "_f2081fdb-3b8a-480b-9f61-fbf683e2018c", // message without messageRef
            "_3a19ce2d-e30d-461c-aeaa-b2acb118f9a4", // throw event
            "_49e94b5f-ce21-4c2b-b78d-3cde5c09c15e", // unguarded gateway flows
            "_c889aa27-e389-48eb-aa18-613ec53614e7", // message endEvent
            "_f27040d5-765c-493c-bbe7-9fb6ad04cbdc", // throw event
            "_0263ca9e-2ca0-4f4e-b7dd-86e15dcf2447", // collapsed sub-process, no start
            "_796ccbc5-ad88-465c-849a-87447a0283d3", // throw event
            "_05c6bc89-5265-435c-8a9e-533c44a6888b", // message without messageRef
            "_511d95ed-38f9-473e-9466-525285a007f5", // abstract task
            "_187063b6-107e-4ac9-bdb3-e8ce9d83763d", // abstract task
            "_f07e4bd2-768d-42c6-a8d5-24d1c3bfa3cb", // receive task
            "_663e9963-9cf6-4032-9652-3a20f50dcda3", // abstract task
            "_034907bf-d3d7-4629-818c-14c3e69d5bc6", // empty timer
            "_d58753a7-d38b-49cd-914d-14e4cdaa4449", // abstract task
            "_209105e0-96fc-4278-8451-3b2a1dd18ec9", // signal boundaryEvent
            "_25beeb17-acc3-4cca-9590-f1cd2f353434", // signal startEvent
            "_928cd158-ebe1-4c0a-9c3e-42e77d663aa2", // abstract task
            "_0ab0e0ac-f88b-4402-9986-e95a72dfc8a3", // abstract task
            "_242b8e6c-681c-438e-ab34-729255121eff", // abstract task
            "_25a1f26b-d8b8-4b9b-b768-f14b8d104f9c", // abstract task
            "_8476a0f7-36b7-4666-a3b2-c18efcc68a94", // throw event
            "_4f5e6e50-d9d0-4f97-959a-d1b8e1e32788", // link intermediateCatchEvent
            "_cbebc7f2-9fb5-4fbf-a6dc-13140c784da7", // abstract task
            "_e233b5e1-244d-422e-8886-4588b7566122", // signal intermediateCatchEvent
            "_6d90f706-17c9-4635-87c2-ccab31e9a32d", // abstract task
            "_84918a6a-5e98-40c6-9155-c081bb5bdee8", // unguarded gateway flows
            "_dfb273c6-0ad3-4030-9e72-638adf7ca75f", // escalation endEvent
            "_56ab3884-4b26-4398-be6f-5f0bb5f81be4", // abstract task
            "_0e99d67a-a88a-4631-85cc-aa1f9cd8cc5e", // abstract task
        ] },
        { "B.2.0.bpmn", "WFP-0-", [
            "_13fbe8ab-af64-4b54-8efb-4c91dd6c6c18", // abstract task
        ] },
    };
}
