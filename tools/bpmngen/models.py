"""The shipped lifecycle models (workflows/*.bpmn). Activity inputs and outputs: docs/activities.md."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bpmngen import Process  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'workflows')
SERVICE_CENTER_MAILBOX = "'servicecenter@regionjh.se'"
# An employee acts for themself only; managers, Servicecenter and HR for others (the register checks units).
FOR_THEMSELF = ("vars.employeeId === caller.userName || ['Manager', 'ServiceCenter', 'HR']"
                ".some(function (r) { return caller.roles.indexOf(r) >= 0; })")


def mail(p, nid, name, to, template, model, outputs=None):
    return p.send(nid, name, [('to', to), ('template', f"'{template}'"), ('model', model)], outputs)


def order_front(p):
    """Entitlement, alternative, financing, manager judgement and the rollout gate; ends at 'mergeGate'."""
    p.start('start', 'Beställning mottagen')
    p.service('describe', 'Hämta medarbetare och enhet', 'Register.DescribeEmployee',
              [('employeeId', 'vars.employeeId'), ('deviceType', 'vars.deviceType'), ('reason', "vars.reason || 'New'"),
               ('underRollout', 'vars.underRollout === true'), ('requestedBy', 'instance.startedBy')],
              [('employee', 'result.employee'), ('facts', 'result.facts')])
    p.boundary_error('notAllowed', 'Får inte beställa', 'describe', 'not-allowed')
    p.end('endNotAllowed', 'Ej behörig')
    p.flow('notAllowed', 'endNotAllowed')
    p.rule('entitlement', 'Rätt till enhet?', [('set', "'entitlement'"), ('facts', 'vars.facts')],
           [('entitlement', 'result.decision')])
    p.xgw('gwEntitled', 'Beslut')
    mail(p, 'mailDenied', 'Meddela avslag', 'vars.employeeId', 'order-denied',
         '({ deviceType: vars.deviceType, reasons: vars.entitlement.reasons })', [('orderOutcome', "'Denied'")])
    p.end('endDenied', 'Avslag')
    p.user('acceptAlternative', 'Ta ställning till alternativ', 'accept-alternative', assignee='vars.employee.userName')
    p.xgw('gwAccepted', 'Accepterar?')
    p.script('useSuggested', 'Byt till föreslagen typ', 'vars.deviceType = vars.entitlement.outputs.suggestedDeviceType;')
    p.script('withdrawn', 'Återtagen', "vars.orderOutcome = 'Withdrawn';")
    p.end('endWithdrawn', 'Beställningen återtagen')
    p.rule('financing', 'Vem betalar?', [('set', "'financing'"), ('facts', 'vars.facts')], [('financing', 'result.decision')])
    p.service('openOrder', 'Registrera beställning', 'Register.OpenOrder',
              [('employeeId', 'vars.employeeId'), ('deviceType', 'vars.deviceType'), ('reason', "vars.reason || 'New'"),
               ('underRollout', 'vars.underRollout === true'), ('payer', 'vars.financing.outcome'),
               ('costCenter', 'vars.financing.outputs.costCenter || null')],
              [('orderId', 'result.orderId')])
    p.boundary_error('orderExists', 'Beställning finns redan', 'openOrder', 'order-exists')
    p.end('endDuplicate', 'Redan beställd')
    p.flow('orderExists', 'endDuplicate')
    p.xgw('gwJudgement', 'Chefens bedömning?')
    p.user('approveOrder', 'Attestera beställning', 'approve-order', assignee='vars.employee.managerUserName', due='P3D')
    p.xgw('gwApproved', 'Attesterad?')
    mail(p, 'mailRejected', 'Meddela att chefen avslog', 'vars.employeeId', 'order-rejected',
         '({ deviceType: vars.deviceType, justification: vars.justification || \'\' })', [('orderOutcome', "'Rejected'")])
    p.service('closeRejected', 'Avsluta beställning', 'Register.CloseOrder',
              [('orderId', 'vars.orderId'), ('outcome', "'Rejected'")])
    p.end('endRejected', 'Avslag av chef')
    p.xgw('mergeApproval')
    p.xgw('gwRollout', 'Del av utrullning?')
    p.rule('rolloutGate', 'Riskbedömning klar?', [('set', "'rollout-gate'"), ('facts', 'vars.facts')], [('gate', 'result.decision')])
    p.xgw('gwGate', 'Grind')
    p.message('waitAssessment', 'Riskbedömning godkänd', 'risk-assessment-approved', 'vars.employee.unitId')
    p.xgw('mergeGate')

    p.chain('start', 'describe', 'entitlement', 'gwEntitled')
    p.flow('gwEntitled', 'mailDenied', "vars.entitlement.outcome === 'Denied'", 'Avslag')
    p.chain('mailDenied', 'endDenied')
    p.flow('gwEntitled', 'acceptAlternative', "vars.entitlement.outcome === 'Alternative'", 'Alternativ')
    p.flow('gwEntitled', 'financing', default=True, name='Beviljad eller chefens bedömning')
    p.chain('acceptAlternative', 'gwAccepted')
    p.flow('gwAccepted', 'useSuggested', 'vars.accepted === true', 'Ja')
    p.flow('gwAccepted', 'withdrawn', default=True, name='Nej')
    p.chain('withdrawn', 'endWithdrawn')
    p.flow('useSuggested', 'describe')
    p.chain('financing', 'openOrder', 'gwJudgement')
    p.flow('gwJudgement', 'approveOrder', "vars.entitlement.outcome === 'ManagerJudgement' || vars.financing.outcome === 'Unit'", 'Ja')
    p.flow('gwJudgement', 'mergeApproval', default=True, name='Nej')
    p.chain('approveOrder', 'gwApproved')
    p.flow('gwApproved', 'mergeApproval', 'vars.approved === true', 'Attesterad')
    p.flow('gwApproved', 'mailRejected', default=True, name='Avslagen')
    p.chain('mailRejected', 'closeRejected', 'endRejected')
    p.chain('mergeApproval', 'gwRollout')
    p.flow('gwRollout', 'rolloutGate', 'vars.underRollout === true', 'Ja')
    p.flow('gwRollout', 'mergeGate', default=True, name='Nej')
    p.chain('rolloutGate', 'gwGate')
    p.flow('gwGate', 'waitAssessment', "vars.gate.outcome === 'Closed'", 'Stängd')
    p.flow('gwGate', 'mergeGate', default=True, name='Öppen')
    p.chain('waitAssessment', 'mergeGate')


def order_back(p, start):
    """Handover, SIM activation, assignment and mails; starts at `start`."""
    p.service('reminderAt', 'Beräkna påminnelse', 'Calendar.WorkingTime', [('workingDays', '3')], [('handoverReminderAt', 'result.at')])
    p.user('acknowledge', 'Kvittera enheten', 'acknowledge-handover', assignee='vars.employee.userName')
    p.boundary_timer('remindHandover', '3 arbetsdagar', 'acknowledge', interrupting=False, date='vars.handoverReminderAt')
    mail(p, 'mailHandoverReminder', 'Påminn om kvittens', 'vars.employeeId', 'handover-reminder', '({ deviceId: vars.deviceId })')
    p.end('endReminder', 'Påmind')
    p.service('activateSim', 'Aktivera SIM', 'Operator.ActivateSim', [('subscriptionId', 'vars.subscriptionId')])
    p.service('assign', 'Tilldela enheten', 'Register.AssignDevice', [('deviceId', 'vars.deviceId'), ('employeeId', 'vars.employeeId')])
    p.service('closeOrder', 'Avsluta beställning', 'Register.CloseOrder', [('orderId', 'vars.orderId'), ('outcome', "'Delivered'")],
              [('orderOutcome', "'Delivered'")])
    mail(p, 'mailDelivered', 'Bekräfta till medarbetaren', 'vars.employeeId', 'device-delivered',
         '({ deviceId: vars.deviceId, msisdn: vars.msisdn || null })')
    mail(p, 'mailManager', 'Meddela chefen', 'vars.employee.managerEmployeeId', 'order-completed',
         '({ employeeName: vars.employee.name, deviceType: vars.deviceType, payer: vars.financing.outcome })')
    p.end('end', 'Enheten överlämnad')
    p.chain(start, 'reminderAt', 'acknowledge', 'activateSim', 'assign', 'closeOrder', 'mailDelivered', 'mailManager', 'end')
    p.chain('remindHandover', 'mailHandoverReminder', 'endReminder')


SUBSCRIPTION_KIND = "vars.deviceType === 'Phone' ? 'Voice' : 'DataOnly'"


def ordering():
    p = Process('ordering', 'Beställning av mobil enhet', 'Employee,Manager,ServiceCenter,HR', FOR_THEMSELF)
    order_front(p)
    p.service('reserve', 'Reservera från lager', 'Register.ReserveDevice',
              [('deviceType', 'vars.deviceType'), ('employeeId', 'vars.employeeId'), ('orderId', 'vars.orderId')],
              [('deviceId', 'result.deviceId')])
    p.xgw('gwStock', 'Finns i lager?')
    p.user('procure', 'Köp in enhet', 'procure-device', roles='ServiceCenter', due='P5D')
    p.service('receive', 'Registrera inköpt enhet', 'Register.ReceiveDevice',
              [('imei', 'vars.imei'), ('model', 'vars.model'), ('deviceType', 'vars.deviceType'), ('employeeId', 'vars.employeeId'),
               ('orderId', 'vars.orderId')],
              [('deviceId', 'result.deviceId')])
    p.xgw('mergeStock')
    p.service('enrol', 'Registrera i MDM', 'Mdm.EnrollDevice', [('deviceId', 'vars.deviceId'), ('employeeId', 'vars.employeeId')])
    p.service('subscribe', 'Beställ abonnemang', 'Operator.OrderSubscription',
              [('employeeId', 'vars.employeeId'), ('deviceId', 'vars.deviceId'), ('kind', SUBSCRIPTION_KIND), ('simType', "'eSIM'")],
              [('subscriptionId', 'result.subscriptionId'), ('msisdn', 'result.msisdn')])
    p.user('deliver', 'Leverera enheten', 'deliver-device', roles='ServiceCenter', due='P2D')
    p.chain('mergeGate', 'reserve', 'gwStock')
    p.flow('gwStock', 'mergeStock', 'vars.deviceId != null', 'Ja')
    p.flow('gwStock', 'procure', default=True, name='Nej')
    p.chain('procure', 'receive', 'mergeStock')
    p.chain('mergeStock', 'enrol', 'subscribe', 'deliver')
    order_back(p, 'deliver')
    return p


def ordering_alt3():
    p = Process('ordering', 'Beställning av mobil enhet (Alt 3: extern leverantör)', 'Employee,Manager,ServiceCenter,HR', FOR_THEMSELF)
    order_front(p)
    p.service('placeOrder', 'Beställ hos leverantören', 'Supplier.PlaceOrder',
              [('orderId', 'vars.orderId'), ('employeeId', 'vars.employeeId'), ('deviceType', 'vars.deviceType')],
              [('supplierOrderId', 'result.supplierOrderId')])
    p.message('supplierDelivered', 'Leverantören har levererat', 'supplier-delivered', 'vars.supplierOrderId')
    p.service('receive', 'Registrera levererad enhet', 'Register.ReceiveDevice',
              [('imei', 'vars.imei'), ('serial', 'vars.serial || null'), ('model', 'vars.model'), ('deviceType', 'vars.deviceType'),
               ('employeeId', 'vars.employeeId'), ('orderId', 'vars.orderId'), ('enrolledBySupplier', 'true')],
              [('deviceId', 'result.deviceId')])
    p.service('subscribe', 'Beställ abonnemang', 'Operator.OrderSubscription',
              [('employeeId', 'vars.employeeId'), ('deviceId', 'vars.deviceId'), ('kind', SUBSCRIPTION_KIND), ('simType', "'eSIM'")],
              [('subscriptionId', 'result.subscriptionId'), ('msisdn', 'result.msisdn')])
    p.chain('mergeGate', 'placeOrder', 'supplierDelivered', 'receive', 'subscribe')
    order_back(p, 'subscribe')
    return p


def onboarding():
    p = Process('onboarding', 'Ny medarbetare', 'HR,Manager,ServiceCenter')
    p.start('start', 'Nyanställning registrerad')
    p.service('plan', 'Planera start', 'Calendar.WorkingTime', [('from', 'vars.startDate'), ('workingDays', '-5')],
              [('beginAt', 'result.at')])
    p.service('startAt', 'Första arbetsdagen', 'Calendar.WorkingTime', [('from', 'vars.startDate'), ('workingDays', '0')],
              [('firstDayAt', 'result.at')])
    p.timer('waitBegin', '5 arbetsdagar före start', date='vars.beginAt')
    p.script('prepare', 'Förbered beställning',
             "vars.deviceType = vars.deviceType || 'Phone'; vars.reason = 'New'; vars.underRollout = false;")
    p.pgw('fork')
    p.call('order', 'Beställ enhet', 'ordering')
    p.timer('firstDay', 'Första arbetsdagen', date='vars.firstDayAt')
    p.xgw('gwDelivered', 'Levererad?')
    p.user('handOutLoan', 'Lämna ut lånetelefon', 'hand-out-loan', roles='ServiceCenter', due='PT4H')
    p.service('startLoan', 'Registrera lån', 'Register.StartLoan',
              [('employeeId', 'vars.employeeId'), ('loanDeviceId', 'vars.loanDeviceId || null')], [('loanDeviceId', 'result.loanDeviceId')])
    p.xgw('mergeLoan')
    p.pgw('join')
    p.xgw('gwLoan', 'Lån att lämna tillbaka?')
    p.user('returnLoan', 'Ta emot lånetelefonen', 'return-loan', roles='ServiceCenter')
    p.service('wipeLoan', 'Rensa lånetelefonen', 'Mdm.WipeDevice', [('deviceId', 'vars.loanDeviceId')])
    p.service('endLoan', 'Avsluta lån', 'Register.EndLoan', [('loanDeviceId', 'vars.loanDeviceId')])
    p.end('end', 'Klar')
    p.chain('start', 'plan', 'startAt', 'waitBegin', 'prepare', 'fork')
    p.chain('fork', 'order', 'join')
    p.chain('fork', 'firstDay', 'gwDelivered')
    p.flow('gwDelivered', 'mergeLoan', "vars.orderOutcome === 'Delivered' || vars.orderOutcome === 'Denied'", 'Ja')
    p.flow('gwDelivered', 'handOutLoan', default=True, name='Nej')
    p.chain('handOutLoan', 'startLoan', 'mergeLoan', 'join')
    p.chain('join', 'gwLoan')
    p.flow('gwLoan', 'returnLoan', 'vars.loanDeviceId != null', 'Ja')
    p.flow('gwLoan', 'end', default=True, name='Nej')
    p.chain('returnLoan', 'wipeLoan', 'endLoan', 'end')
    return p


def risk_assessment():
    p = Process('risk-assessment', 'Riskbedömning före utrullning', 'HR,SafetyRep,Manager')
    p.start('start', 'Riskbedömning påbörjad')
    p.service('describe', 'Hämta enhet och parter', 'Register.DescribeUnit', [('unitId', 'vars.unitId'), ('scope', 'vars.scope')],
              [('unit', 'result.unit')])
    p.service('create', 'Skapa riskbedömning', 'RiskAssessment.Create',
              [('unitId', 'vars.unit.scopeUnitId'), ('scope', 'vars.scope'), ('rollout', 'vars.rollout')],
              [('riskAssessmentId', 'result.riskAssessmentId')])
    p.user('submit', 'Genomför riskbedömningen', 'submit-risk-assessment', roles='HR,SafetyRep', due='P14D')
    p.service('record', 'Registrera riskbedömningen', 'RiskAssessment.Submit',
              [('riskAssessmentId', 'vars.riskAssessmentId'), ('risks', 'vars.risks'), ('measures', 'vars.measures'),
               ('participants', 'vars.participants')])
    p.user('signOff', 'Godkänn riskbedömningen', 'sign-off-risk-assessment', assignee='vars.signer.userName', due='P7D',
           mi=dict(collection='vars.unit.signers', var='signer', out='signOffs',
                   element="({ party: vars.signer.party, userName: vars.signer.userName, approved: vars.approved === true, comment: vars.comment || '' })"))
    p.service('recordSignOffs', 'Registrera beslut', 'RiskAssessment.SignOff',
              [('riskAssessmentId', 'vars.riskAssessmentId'), ('signOffs', 'vars.signOffs')],
              [('assessmentStatus', 'result.status'), ('rejectionComment', 'result.comment')])
    p.xgw('gwApproved', 'Godkänd?')
    p.service('revise', 'Åter till utkast', 'RiskAssessment.Revise', [('riskAssessmentId', 'vars.riskAssessmentId')])
    p.service('setRollout', 'Sätt utrullningsläge', 'Register.SetUnitRollout',
              [('unitIds', 'vars.unit.unitIds'), ('rollout', 'vars.rollout')])
    p.service('notifyOrders', 'Släpp väntande beställningar', 'Workflow.PublishMessage',
              [('name', "'risk-assessment-approved'"), ('correlationKeys', 'vars.unit.unitIds'),
               ('variables', '({ riskAssessmentId: vars.riskAssessmentId })')])
    p.service('findEmployees', 'Medarbetare utan enhet', 'Register.FindEmployeesWithoutDevice', [('unitIds', 'vars.unit.unitIds')],
              [('rolloutEmployees', 'result.employeeIds')])
    p.script('prepare', 'Förbered beställningar', "vars.deviceType = 'Phone'; vars.reason = 'New'; vars.underRollout = true;")
    p.call('order', 'Beställ till varje medarbetare', 'ordering', mi=dict(collection='vars.rolloutEmployees', var='employeeId'))
    p.end('end', 'Utrullning genomförd')
    p.chain('start', 'describe', 'create', 'submit', 'record', 'signOff', 'recordSignOffs', 'gwApproved')
    p.flow('gwApproved', 'setRollout', "vars.assessmentStatus === 'Approved'", 'Ja')
    p.flow('gwApproved', 'revise', default=True, name='Nej')
    p.flow('revise', 'submit')
    p.chain('setRollout', 'notifyOrders', 'findEmployees', 'prepare', 'order', 'end')
    return p


def swap():
    p = Process('swap', 'Byte eller lån vid trasig eller förlorad enhet', 'Employee,Manager,ServiceCenter', FOR_THEMSELF)
    p.start('start', 'Fel eller förlust anmäld')
    p.service('describe', 'Hämta medarbetare', 'Register.DescribeEmployee',
              [('employeeId', 'vars.employeeId'), ('requestedBy', 'instance.startedBy')], [('employee', 'result.employee')])
    p.boundary_error('notAllowed', 'Får inte anmäla', 'describe', 'not-allowed')
    p.end('endNotAllowed', 'Ej behörig')
    p.service('describeDevice', 'Hämta enheten', 'Register.DescribeDevice',
              [('deviceId', 'vars.deviceId'), ('employeeId', 'vars.employeeId')], [('brokenDevice', 'result.device')])
    p.script('remember', 'Kom ihåg enheten', 'vars.brokenDeviceId = vars.deviceId;')
    p.xgw('gwKind', 'Förlorad?')
    p.service('blockSim', 'Spärra SIM', 'Operator.BlockSim', [('deviceId', 'vars.brokenDeviceId')])
    p.service('lock', 'Lås enheten', 'Mdm.LockDevice', [('deviceId', 'vars.brokenDeviceId')])
    p.service('markLost', 'Markera förlorad', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.brokenDeviceId'), ('status', "'Lost'"), ('reason', "'Anmäld förlorad'")])
    p.service('toRepair', 'Skicka på reparation', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.brokenDeviceId'), ('status', "'InRepair'"), ('reason', "'Anmäld trasig'")])
    p.xgw('mergeKind')
    p.user('handOutLoan', 'Lämna ut lånetelefon', 'hand-out-loan', roles='ServiceCenter', due='PT8H')
    p.boundary_timer('escalateLoan', 'Inte utlämnad samma dag', 'handOutLoan', interrupting=False, duration='PT8H')
    mail(p, 'mailEscalateLoan', 'Eskalera', SERVICE_CENTER_MAILBOX, 'loan-escalation', '({ employeeId: vars.employeeId })')
    p.end('endEscalated', 'Eskalerad')
    p.service('startLoan', 'Registrera lån', 'Register.StartLoan',
              [('employeeId', 'vars.employeeId'), ('loanDeviceId', 'vars.loanDeviceId || null')], [('loanDeviceId', 'result.loanDeviceId')])
    p.xgw('gwAfterLoan', 'Förlorad?')
    p.ebgw('gwRepair', 'Väntar på verkstaden')
    p.message('repaired', 'Reparation klar', 'repair-completed', 'vars.brokenDeviceId')
    p.timer('repairReminder', '14 dagar', duration='P14D')
    mail(p, 'mailRepairReminder', 'Påminn verkstaden', SERVICE_CENTER_MAILBOX, 'repair-reminder', '({ deviceId: vars.brokenDeviceId })')
    p.xgw('gwOutcome', 'Reparerad?')
    p.service('backInUse', 'Åter i bruk', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.brokenDeviceId'), ('status', "'Assigned'"), ('reason', "'Reparerad'")])
    p.service('scrap', 'Kassera', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.brokenDeviceId'), ('status', "'Retired'"), ('reason', "'Kasserad efter reparation'")])
    p.xgw('mergeReplace')
    p.script('prepareOrder', 'Förbered ersättning',
             "vars.deviceType = vars.brokenDevice.type; vars.reason = vars.kind === 'Lost' ? 'Loss' : 'Replacement'; vars.underRollout = false;")
    p.call('order', 'Beställ ersättning', 'ordering')
    p.xgw('mergeReturn')
    p.user('returnLoan', 'Ta emot lånetelefonen', 'return-loan', roles='ServiceCenter')
    p.service('wipeLoan', 'Rensa lånetelefonen', 'Mdm.WipeDevice', [('deviceId', 'vars.loanDeviceId')])
    p.service('endLoan', 'Avsluta lån', 'Register.EndLoan', [('loanDeviceId', 'vars.loanDeviceId')])
    p.end('end', 'Klar')
    p.chain('start', 'describe', 'describeDevice', 'remember', 'gwKind')
    p.flow('notAllowed', 'endNotAllowed')
    p.flow('gwKind', 'blockSim', "vars.kind === 'Lost'", 'Ja')
    p.flow('gwKind', 'toRepair', default=True, name='Nej, trasig')
    p.chain('blockSim', 'lock', 'markLost', 'mergeKind')
    p.chain('toRepair', 'mergeKind')
    p.chain('mergeKind', 'handOutLoan', 'startLoan', 'gwAfterLoan')
    p.chain('escalateLoan', 'mailEscalateLoan', 'endEscalated')
    p.flow('gwAfterLoan', 'mergeReplace', "vars.kind === 'Lost'", 'Ja')
    p.flow('gwAfterLoan', 'gwRepair', default=True, name='Nej')
    p.chain('gwRepair', 'repaired', 'gwOutcome')
    p.chain('gwRepair', 'repairReminder', 'mailRepairReminder', 'gwRepair')
    p.flow('gwOutcome', 'backInUse', "vars.outcome === 'Repaired'", 'Reparerad')
    p.flow('gwOutcome', 'scrap', default=True, name='Kasserad')
    p.chain('backInUse', 'mergeReturn')
    p.chain('scrap', 'mergeReplace', 'prepareOrder', 'order', 'mergeReturn', 'returnLoan', 'wipeLoan', 'endLoan', 'end')
    return p


def offboarding():
    p = Process('offboarding', 'Avslut av anställning', 'HR,Manager,ServiceCenter')
    p.start('start', 'Avslut registrerat')
    p.start('startByHr', 'Anställning upphör (HR)', message='employment-ended')
    p.xgw('mergeStart')
    p.service('describe', 'Hämta vad personen har', 'Register.DescribeEmployee', [('employeeId', 'vars.employeeId')],
              [('employee', 'result.employee'), ('deviceIds', 'result.devices.map(function (d) { return d.id; })'),
               ('subscriptionIds', 'result.subscriptions.map(function (s) { return s.id; })'),
               ('extensionIds', 'result.extensions.map(function (e) { return e.id; })')])
    p.service('deadline', 'Sista dag för återlämning', 'Calendar.WorkingTime', [('from', 'vars.lastDay'), ('days', '7')],
              [('returnDeadline', 'result.at')])
    p.xgw('gwAnyDevices', 'Har enheter?')
    p.user('returnDevices', 'Lämna tillbaka enheter', 'return-devices', assignee='vars.employee.userName')
    p.boundary_timer('remindReturn', 'Påminnelse', 'returnDevices', interrupting=False, cycle='R/P2D')
    mail(p, 'mailReturnReminder', 'Påminn om återlämning', 'vars.employeeId', 'return-devices-reminder',
         '({ deadline: vars.returnDeadline })')
    p.end('endReminded', 'Påmind')
    p.boundary_timer('overdue', 'Sista dag passerad', 'returnDevices', date='vars.returnDeadline')
    mail(p, 'mailEscalate', 'Eskalera till chefen', 'vars.employee.managerEmployeeId', 'return-devices-escalation',
         '({ employeeName: vars.employee.name, deadline: vars.returnDeadline })')
    p.script('nothingReturned', 'Inget återlämnat', 'vars.returnedDeviceIds = [];')
    p.script('noDevices', 'Inga enheter', 'vars.returnedDeviceIds = [];')
    p.xgw('mergeReturned')
    p.script('split', 'Återlämnade och saknade',
             'var back = vars.returnedDeviceIds || []; '
             'vars.returned = vars.deviceIds.filter(function (id) { return back.indexOf(id) >= 0; }); '
             'vars.unreturned = vars.deviceIds.filter(function (id) { return back.indexOf(id) < 0; });')
    each = dict(collection='vars.returned', var='returnedDeviceId')
    p.service('releaseLock', 'Frigör aktiveringslås', 'Mdm.ReleaseActivationLock', [('deviceId', 'vars.returnedDeviceId')], mi=each)
    p.service('markReturned', 'Registrera återlämning', 'Register.MarkReturned', [('deviceId', 'vars.returnedDeviceId')], mi=each)
    p.service('wipe', 'Rensa', 'Mdm.WipeDevice', [('deviceId', 'vars.returnedDeviceId')], mi=each)
    p.service('retire', 'Ta bort ur MDM', 'Mdm.RetireDevice', [('deviceId', 'vars.returnedDeviceId')], mi=each)
    p.service('restock', 'Till lager eller skrotning', 'Register.RestockOrRetire',
              [('deviceId', 'vars.returnedDeviceId'), ('maxAgeYears', '4')], mi=each)
    p.xgw('gwUnreturned', 'Saknas enheter?')
    p.timer('waitDeadline', 'Sista dag för återlämning', date='vars.returnDeadline')
    missing = dict(collection='vars.unreturned', var='missingDeviceId')
    p.service('lockMissing', 'Lås', 'Mdm.LockDevice', [('deviceId', 'vars.missingDeviceId')], mi=missing)
    p.service('wipeMissing', 'Fjärrensa', 'Mdm.WipeDevice', [('deviceId', 'vars.missingDeviceId')], mi=missing)
    p.service('markMissingLost', 'Markera förlorad', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.missingDeviceId'), ('status', "'Lost'"), ('reason', "'Inte återlämnad vid avslut'")], mi=missing)
    p.service('blockMissingSim', 'Spärra SIM', 'Operator.BlockSim', [('deviceId', 'vars.missingDeviceId')], mi=missing)
    p.xgw('mergeDevices')
    p.xgw('gwSubscriptions', 'Har abonnemang?')
    p.user('decideSubscription', 'Beslut om abonnemang', 'decide-subscription', assignee='vars.employee.managerUserName', due='P5D')
    p.xgw('gwAction', 'Flytta?')
    p.service('transfer', 'Flytta abonnemang', 'Operator.TransferSubscription',
              [('subscriptionId', 'vars.subscriptionId'), ('toEmployeeId', 'vars.transferTo')],
              mi=dict(collection='vars.subscriptionIds', var='subscriptionId'))
    p.service('terminate', 'Säg upp abonnemang', 'Operator.TerminateSubscription', [('subscriptionId', 'vars.subscriptionId')],
              mi=dict(collection='vars.subscriptionIds', var='subscriptionId'))
    p.xgw('mergeSubscriptions')
    p.service('removeExtensions', 'Ta bort anknytning', 'Telephony.RemoveExtension', [('extensionId', 'vars.extensionId')],
              mi=dict(collection='vars.extensionIds', var='extensionId'))
    p.service('release', 'Inget kvar kopplat', 'Register.ReleasePerson', [('employeeId', 'vars.employeeId')],
              [('stillLinked', 'result.stillLinked')])
    p.end('end', 'Avslutad')
    p.chain('start', 'mergeStart')
    p.chain('startByHr', 'mergeStart')
    p.chain('mergeStart', 'describe', 'deadline', 'gwAnyDevices')
    p.flow('gwAnyDevices', 'returnDevices', 'vars.deviceIds.length > 0', 'Ja')
    p.flow('gwAnyDevices', 'noDevices', default=True, name='Nej')
    p.chain('returnDevices', 'mergeReturned')
    p.chain('remindReturn', 'mailReturnReminder', 'endReminded')
    p.chain('overdue', 'mailEscalate', 'nothingReturned', 'mergeReturned')
    p.chain('noDevices', 'mergeReturned')
    p.chain('mergeReturned', 'split', 'releaseLock', 'markReturned', 'wipe', 'retire', 'restock', 'gwUnreturned')
    p.flow('gwUnreturned', 'waitDeadline', 'vars.unreturned.length > 0', 'Ja')
    p.flow('gwUnreturned', 'mergeDevices', default=True, name='Nej')
    p.chain('waitDeadline', 'lockMissing', 'wipeMissing', 'markMissingLost', 'blockMissingSim', 'mergeDevices')
    p.chain('mergeDevices', 'gwSubscriptions')
    p.flow('gwSubscriptions', 'decideSubscription', 'vars.subscriptionIds.length > 0', 'Ja')
    p.flow('gwSubscriptions', 'mergeSubscriptions', default=True, name='Nej')
    p.chain('decideSubscription', 'gwAction')
    p.flow('gwAction', 'transfer', "vars.action === 'Transfer'", 'Flytta')
    p.flow('gwAction', 'terminate', default=True, name='Säg upp')
    p.chain('transfer', 'mergeSubscriptions')
    p.chain('terminate', 'mergeSubscriptions')
    p.chain('mergeSubscriptions', 'removeExtensions', 'release', 'end')
    return p


def remote_work_agreement():
    p = Process('remote-work-agreement', 'Avtal om distansarbete', 'Employee,Manager,HR', FOR_THEMSELF)
    p.start('start', 'Avtal påbörjat')
    p.service('describe', 'Hämta medarbetare', 'Register.DescribeEmployee',
              [('employeeId', 'vars.employeeId'), ('requestedBy', 'instance.startedBy')], [('employee', 'result.employee')])
    p.boundary_error('notAllowed', 'Får inte', 'describe', 'not-allowed')
    p.end('endNotAllowed', 'Ej behörig')
    p.service('create', 'Skapa avtal', 'Agreement.Create', [('employeeId', 'vars.employeeId')], [('agreementId', 'result.agreementId')])
    p.user('draft', 'Fyll i avtalet', 'draft-agreement', assignee='vars.employee.userName')
    p.service('saveDraft', 'Spara utkast', 'Agreement.SaveDraft', [('agreementId', 'vars.agreementId'), ('fields', 'vars')])
    p.user('approve', 'Godkänn avtalet', 'approve-agreement', assignee='vars.employee.managerUserName', due='P5D')
    p.service('decide', 'Registrera beslut', 'Agreement.Approve',
              [('agreementId', 'vars.agreementId'), ('approved', 'vars.approved === true'), ('comment', "vars.comment || ''")])
    p.xgw('gwApproved', 'Godkänt?')
    p.user('sign', 'Underteckna avtalet', 'sign-agreement', assignee='vars.signer.userName',
           mi=dict(collection="[{ party: 'Employee', userName: vars.employee.userName }, { party: 'Manager', userName: vars.employee.managerUserName }]",
                   var='signer', out='signatures', element='({ party: vars.signer.party, userName: vars.signer.userName, signed: vars.signed === true })'))
    p.service('recordSignatures', 'Registrera underskrifter', 'Agreement.Sign',
              [('agreementId', 'vars.agreementId'), ('signatures', 'vars.signatures')], [('agreementStatus', 'result.status')])
    p.ebgw('gwActive', 'Avtalet gäller')
    p.timer('yearly', 'Årlig uppföljning', duration='P1Y')
    # Either party (or HR) may give notice at any time from the page; the register has already terminated it then.
    p.message('noticeGiven', 'Uppsägning', 'agreement-notice', 'vars.agreementId')
    p.user('followUp', 'Följ upp avtalet', 'follow-up-agreement', assignee='vars.employee.managerUserName', due='P14D')
    p.service('recordFollowUp', 'Registrera uppföljning', 'Agreement.RecordFollowUp',
              [('agreementId', 'vars.agreementId'), ('decision', 'vars.decision'), ('comment', "vars.comment || ''")])
    p.xgw('gwDecision', 'Beslut')
    p.service('terminate', 'Säg upp avtalet', 'Agreement.Terminate', [('agreementId', 'vars.agreementId')], [('agreementEndsAt', 'result.endsAt')])
    p.xgw('mergeNotice')
    p.timer('noticePeriod', 'Uppsägningstiden löper ut', date='vars.agreementEndsAt')
    p.service('end_', 'Avsluta avtalet', 'Agreement.End', [('agreementId', 'vars.agreementId')])
    p.end('end', 'Avtalet upphört')
    p.end('endRejected', 'Ej godkänt')
    p.chain('start', 'describe', 'create', 'draft', 'saveDraft', 'approve', 'decide', 'gwApproved')
    p.flow('notAllowed', 'endNotAllowed')
    p.flow('gwApproved', 'sign', 'vars.approved === true', 'Ja')
    p.flow('gwApproved', 'draft', default=True, name='Nej, ändra')
    p.chain('sign', 'recordSignatures', 'gwActive', 'yearly', 'followUp', 'recordFollowUp', 'gwDecision')
    p.chain('gwActive', 'noticeGiven', 'mergeNotice')
    p.flow('gwDecision', 'gwActive', "vars.decision === 'Continue'", 'Fortsätt')
    p.flow('gwDecision', 'draft', "vars.decision === 'Change'", 'Ändra')
    p.flow('gwDecision', 'terminate', default=True, name='Avsluta')
    p.chain('terminate', 'mergeNotice', 'noticePeriod', 'end_', 'end')
    del p.nodes['endRejected']
    p.order.remove('endRejected')
    return p


def device_return():
    """A person hands a device in at Servicecenter (Mina enheter → Lämna in): received, activation lock released,
    wiped and removed from MDM, then back to stock (or retired when old) — or scrapped when it came back damaged."""
    p = Process('device-return', 'Inlämning av enhet', 'Employee,Manager,ServiceCenter', FOR_THEMSELF)
    p.start('start', 'Inlämning anmäld')
    p.service('describe', 'Hämta medarbetare', 'Register.DescribeEmployee',
              [('employeeId', 'vars.employeeId'), ('requestedBy', 'instance.startedBy')], [('employee', 'result.employee')])
    p.boundary_error('notAllowed', 'Får inte lämna in', 'describe', 'not-allowed')
    p.end('endNotAllowed', 'Ej behörig')
    p.service('describeDevice', 'Hämta enheten', 'Register.DescribeDevice',
              [('deviceId', 'vars.deviceId'), ('employeeId', 'vars.employeeId')], [('device', 'result.device')])
    p.boundary_error('notOwner', 'Inte personens enhet', 'describeDevice', 'not-owner')
    p.end('endNotOwner', 'Inte personens enhet')
    p.user('receive', 'Ta emot inlämnad enhet', 'receive-returned-device', roles='ServiceCenter', due='P5D')
    p.service('releaseLock', 'Frigör aktiveringslås', 'Mdm.ReleaseActivationLock', [('deviceId', 'vars.deviceId')])
    p.service('markReturned', 'Registrera återlämning', 'Register.MarkReturned', [('deviceId', 'vars.deviceId')])
    p.service('wipe', 'Rensa', 'Mdm.WipeDevice', [('deviceId', 'vars.deviceId')])
    p.service('retire', 'Ta bort ur MDM', 'Mdm.RetireDevice', [('deviceId', 'vars.deviceId')])
    p.xgw('gwCondition', 'Skadad?')
    p.service('scrap', 'Kassera', 'Register.SetDeviceStatus',
              [('deviceId', 'vars.deviceId'), ('status', "'Retired'"), ('reason', "'Skadad vid inlämning'")])
    p.service('restock', 'Till lager eller skrotning', 'Register.RestockOrRetire',
              [('deviceId', 'vars.deviceId'), ('maxAgeYears', '4')])
    p.xgw('mergeEnd')
    p.end('end', 'Inlämnad')
    p.chain('start', 'describe', 'describeDevice', 'receive', 'releaseLock', 'markReturned', 'wipe', 'retire', 'gwCondition')
    p.flow('notAllowed', 'endNotAllowed')
    p.flow('notOwner', 'endNotOwner')
    p.flow('gwCondition', 'scrap', "vars.condition === 'Damaged'", 'Ja')
    p.flow('gwCondition', 'restock', default=True, name='Nej')
    p.chain('scrap', 'mergeEnd')
    p.chain('restock', 'mergeEnd', 'end')
    return p


def loan_pool_alert():
    """Started by the register (as the system) when a model's available loan devices drop below its minimum."""
    p = Process('loan-pool-alert', 'Lånepoolen under miniminivå', 'ServiceCenter')
    p.start('start', 'Lånepoolen under miniminivå')
    p.user('replenish', 'Fyll på lånepoolen', 'replenish-loan-pool', roles='ServiceCenter', due='P2D')
    p.end('end', 'Lånepoolen påfylld')
    p.chain('start', 'replenish', 'end')
    return p


if __name__ == '__main__':
    os.makedirs(os.path.join(ROOT, 'variants'), exist_ok=True)
    for make, path in [(ordering, 'ordering.bpmn'), (onboarding, 'onboarding.bpmn'), (risk_assessment, 'risk-assessment.bpmn'),
                       (swap, 'swap.bpmn'), (offboarding, 'offboarding.bpmn'), (remote_work_agreement, 'remote-work-agreement.bpmn'),
                       (loan_pool_alert, 'loan-pool-alert.bpmn'), (device_return, 'device-return.bpmn'),
                       (ordering_alt3, 'variants/ordering-alt3.bpmn')]:
        make().write(os.path.join(ROOT, path))
        print('wrote', path)
