// What an applicant reads about their own case on the portal (码上办 status tracking): each state and
// each step in plain words, in Chinese and English. Only the case's own steps are shown, with the
// date and the state they led to — never who recorded them, their opinion, or anything about other
// people (a neighbour visit, an objection's content, the amounts of others).

type Label = readonly [zh: string, en: string];

export const STATE_LABELS: Record<string, Label> = {
  DRAFT: ['草稿', 'Draft'],
  SUBMITTED: ['已提交，等待镇（街道）受理', 'Submitted; waiting for the town to accept it'],
  AWAITING_MATERIALS: ['请补齐材料', 'Please complete the materials'],
  ACCEPTED: ['已受理', 'Accepted'],
  INVESTIGATING: ['调查核实中', 'Being investigated'],
  INELIGIBLE_NOTIFIED: ['已告知不符合条件', 'Notified as not eligible'],
  RECHECK: ['复查中', 'Being re-checked'],
  CLOSED_REJECTED: ['已办结（不符合条件）', 'Closed (not eligible)'],
  PRELIM_OPINION: ['已提出初审意见', 'Initial opinion given'],
  PUBLICIZING: ['公示中', 'In publicity'],
  REINVESTIGATION: ['重新调查中', 'Being re-investigated'],
  DEMOCRATIC_REVIEW: ['民主评议中', 'Democratic review'],
  SUBMITTED_TO_COUNTY: ['已报区民政局审核', 'Sent to the district bureau'],
  COUNTY_REVIEW: ['区民政局审核中', 'Under district review'],
  TOWNSHIP_CONFIRMATION: ['镇（街道）审核确认中', 'Under town confirmation'],
  APPROVED: ['已批准', 'Approved'],
  REJECTED: ['不予确认', 'Not approved'],
  TERMINATED: ['已终止', 'Terminated'],
  ACTIVE: ['享受保障中', 'Receiving support'],
  UNDER_REVIEW: ['复核中', 'Under review'],
  GRADUAL_EXIT: ['渐退期', 'Gradual exit'],
  STOPPED: ['已停止保障', 'Support stopped'],
  TERMINATION_INVESTIGATION: ['终止调查中', 'Termination under investigation'],
  TERMINATION_PUBLICITY: ['拟终止公示中', 'Proposed termination in publicity'],
  TERMINATION_REINVESTIGATION: ['终止复查中', 'Termination re-investigated'],
};

export const EVENT_LABELS: Record<string, Label> = {
  APPLY: ['网上提交申请', 'Applied online'],
  SUBMIT: ['提交申请', 'Submitted'],
  NOTIFY_MISSING_MATERIALS: ['一次性告知补齐材料', 'Told once what materials are missing'],
  RESUBMIT: ['补齐材料', 'Materials completed'],
  ACCEPT: ['镇（街道）受理', 'Accepted by the town'],
  RECORD_CONSENT: ['登记授权核对书', 'Check authorisation recorded'],
  START_INVESTIGATION: ['启动家庭经济状况调查', 'Investigation started'],
  REQUEST_CHECK: ['提请经济状况信息核对', 'Economic check requested'],
  RECORD_INVESTIGATION: ['完成入户调查', 'Home visit done'],
  NOTIFY_INELIGIBLE: ['告知不符合条件', 'Notified as not eligible'],
  APPLICANT_OBJECTS: ['申请人提出异议', 'You objected'],
  START_RECHECK: ['启动复查', 'Re-check started'],
  CLOSE_REJECTED: ['办结', 'Closed'],
  DRAFT_OPINION: ['提出初审意见', 'Initial opinion given'],
  PUBLISH: ['张榜公示', 'Publicity posted'],
  OBJECTION: ['公示期间收到异议，依法核实', 'An objection was received and is being checked'],
  PUBLICITY_ENDED: ['公示期满，报送审核', 'Publicity ended; sent for review'],
  NEW_OPINION: ['重新提出意见', 'New opinion given'],
  RECORD_SPECIAL_REASON: ['延长办理时限（特殊情况）', 'Time limit extended (special case)'],
  START_COUNTY_REVIEW: ['区民政局审核', 'District review started'],
  RECORD_COUNTY_HOME_VISIT: ['区民政局入户核查', 'District home visit'],
  RECORD_DEMOCRATIC_REVIEW: ['民主评议', 'Democratic review'],
  RECORD_SPOT_CHECK: ['区民政局抽查', 'District spot check'],
  CONFIRM: ['审核确认', 'Approved'],
  REJECT: ['不予确认', 'Not approved'],
  NOT_ACCEPTED: ['不予受理', 'Not accepted'],
  TERMINATE: ['终止办理', 'Terminated'],
  SCHEDULE_REVIEW: ['确定复核周期', 'Review schedule set'],
  START_REVIEW: ['启动复核', 'Review started'],
  COMPLETE_REVIEW_NO_CHANGE: ['复核无变化', 'Review: no change'],
  CHANGE_AMOUNT: ['调整保障金额', 'Amount changed'],
  STOP: ['停止保障', 'Support stopped'],
  START_GRADUAL_EXIT: ['进入渐退期', 'Gradual exit started'],
  END_GRADUAL_EXIT: ['渐退期满', 'Gradual exit ended'],
  SET_SUPPORT_MODE: ['确定供养方式', 'Support mode set'],
  PROPOSE_TERMINATION: ['拟终止公示', 'Termination proposed'],
  DECIDE_TERMINATION: ['决定终止', 'Termination decided'],
  DROP_TERMINATION: ['撤销终止', 'Termination dropped'],
};

/**
 * Steps that stay inside the office: notes, neighbour visits and letters of evidence describe other
 * people; complaints and termination objections are other people's words. They are not shown.
 */
export const HIDDEN_EVENTS = new Set([
  'NOTE',
  'RECORD_NEIGHBOUR_VISIT',
  'RECORD_LETTER',
  'COMPLAINT',
  'TERMINATION_OBJECTION',
  'TERMINATION_GROUND',
  'RECORD_JOB_REFUSAL',
  'RECORD_JOB_ACCEPTED',
  'RECORD_UNREPORTED_CHANGE',
  'RECORD_DEATH',
]);

export function stateLabel(state: string): { zh: string; en: string } {
  const l = STATE_LABELS[state];
  return l ? { zh: l[0], en: l[1] } : { zh: '办理中', en: 'In progress' };
}

export function eventLabel(type: string): { zh: string; en: string } {
  const l = EVENT_LABELS[type];
  return l ? { zh: l[0], en: l[1] } : { zh: '办理进展', en: 'Progress' };
}
