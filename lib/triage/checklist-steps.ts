// The playbook's Response section (shared/docs/mission.md) as data, in playbook order.
export const CHECKLIST_STEP_IDS = [
  "check-source",
  "verify-destination",
  "review-spawned-processes",
  "contact-admin",
  "attack-suspected",
  "isolate-host",
  "collect-logs",
  "check-lateral-movement",
  "reset-credentials",
] as const;
export type ChecklistStepId = (typeof CHECKLIST_STEP_IDS)[number];

export const CONTACT_OUTCOMES = ["confirmed_legitimate", "not_legitimate", "no_answer"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export type ChecklistStep = {
  id: ChecklistStepId;
  number: string;
  title: string;
  help: string;
  parent?: ChecklistStepId;
  /** Only "contact the admin" records how the conversation ended. */
  hasOutcome?: true;
};

export const CHECKLIST_STEPS: readonly ChecklistStep[] = [
  {
    id: "check-source",
    number: "1",
    title: "Check the source user and host",
    help: "Who ran PsExec and from which machine? Is this account expected to administer remote hosts from there?",
  },
  {
    id: "verify-destination",
    number: "2",
    title: "Verify the destination IP/hostname",
    help: "Which host did PsExec connect to (\\\\target in the command line, destination of the network event)? Is it a server this user manages?",
  },
  {
    id: "review-spawned-processes",
    number: "3",
    title: "Look at the processes spawned by PsExec",
    help: "Children of PsExec on the source and of PSEXESVC on the target: shells, credential tools and LOLBins raise the priority.",
  },
  {
    id: "contact-admin",
    number: "4",
    title: "Contact the admin to confirm the activity",
    help: "Ask the owner of the account whether the run was planned. Record the answer.",
    hasOutcome: true,
  },
  {
    id: "attack-suspected",
    number: "5",
    title: "If an attack is suspected",
    help: "Mark not applicable when the activity is confirmed legitimate; otherwise work through the sub-steps.",
  },
  { id: "isolate-host", number: "5.1", parent: "attack-suspected", title: "Isolate the host that ran PsExec", help: "Network-isolate the source machine through the EDR or switch port." },
  { id: "collect-logs", number: "5.2", parent: "attack-suspected", title: "Collect PsExec and SMB logs", help: "Sysmon, Security (4624/4688/5145), System 7045 (PSEXESVC install) and SMB logs from source and target." },
  { id: "check-lateral-movement", number: "5.3", parent: "attack-suspected", title: "Check for lateral movement to other systems", help: "Search for the same user, binary or PSEXESVC service on other hosts in the same time range." },
  { id: "reset-credentials", number: "5.4", parent: "attack-suspected", title: "Reset exposed credentials", help: "Reset passwords of accounts passed with -u/-p or used on the hosts involved." },
];

const byId = new Map(CHECKLIST_STEPS.map((s) => [s.id, s]));

export function findChecklistStep(id: string): ChecklistStep | undefined {
  return byId.get(id as ChecklistStepId);
}
