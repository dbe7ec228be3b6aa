import { describe, expect, it } from "vitest";
import {
  type Actor,
  amendmentUnderReview,
  deciderRefusal,
  type ListEvent,
  type ListSnapshot,
  submissionKind,
  type TransitionResult,
  transition,
} from "../../src/domain/task-list.ts";

const sec: Actor = { userId: "U0SEC1", committeeMember: false, secretaryOf: ["resettlement"] };
const otherSec: Actor = { userId: "U0SEC2", committeeMember: false, secretaryOf: ["logistics"] };
const member: Actor = { userId: "U0A", committeeMember: false, secretaryOf: [] };
const chair: Actor = { userId: "U0CHAIR", committeeMember: true, secretaryOf: [] };
/** A committee member who is also the branch's secretary: four eyes forbid deciding. */
const deputy: Actor = { userId: "U0DEP", committeeMember: true, secretaryOf: ["resettlement"] };

const draft: ListSnapshot = {
  branchKey: "resettlement",
  state: "DRAFT",
  revision: 0,
  revisionStatus: null,
  approvedRevision: null,
};
const submitted: ListSnapshot = {
  ...draft,
  state: "SUBMITTED",
  revision: 1,
  revisionStatus: "SUBMITTED",
};
const returned: ListSnapshot = { ...submitted, state: "RETURNED", revisionStatus: "RETURNED" };
const approved: ListSnapshot = {
  ...submitted,
  state: "APPROVED",
  revisionStatus: "APPROVED",
  approvedRevision: 1,
};
const amending: ListSnapshot = { ...approved, revision: 2, revisionStatus: "SUBMITTED" };

function ok(r: TransitionResult) {
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r;
}
const error = (r: TransitionResult) => (r.ok ? "ok" : r.error);

describe("submitting", () => {
  it("when a secretary submits a draft, then revision 1 is created, the committee gets it, and it is the first submission", () => {
    const r = ok(transition(draft, { type: "submit" }, sec));
    expect(r.next).toMatchObject({ state: "SUBMITTED", revision: 1, revisionStatus: "SUBMITTED" });
    expect(r.revisions).toEqual([
      { number: 1, status: "SUBMITTED", created: true, isAmendment: false },
    ]);
    expect(r.effects).toEqual(["post-committee", "update-reminder"]);
    expect(r.firstSubmission).toBe(true);
  });

  it("a plain member may not submit", () => {
    expect(error(transition(draft, { type: "submit" }, member))).toBe("not-secretary");
  });

  it("a secretary of another branch may not submit", () => {
    expect(error(transition(draft, { type: "submit" }, otherSec))).toBe("not-secretary");
  });

  it("a committee member who is not the branch's secretary may not submit", () => {
    expect(error(transition(draft, { type: "submit" }, chair))).toBe("not-secretary");
  });

  it("a submitted list can't be submitted again", () => {
    expect(error(transition(submitted, { type: "submit" }, sec))).toBe("already-submitted");
  });

  it("after a withdrawal, submitting makes the next revision but not a first submission", () => {
    const withdrawn: ListSnapshot = { ...draft, revision: 1, revisionStatus: "WITHDRAWN" };
    const r = ok(transition(withdrawn, { type: "submit" }, sec));
    expect(r.next.revision).toBe(2);
    expect(r.firstSubmission).toBe(false);
  });
});

describe("withdrawing", () => {
  it("when the secretary withdraws a waiting revision, then the list is a draft again and the committee message is updated", () => {
    const r = ok(transition(submitted, { type: "withdraw" }, sec));
    expect(r.next).toMatchObject({ state: "DRAFT", revision: 1, revisionStatus: "WITHDRAWN" });
    expect(r.revisions).toEqual([{ number: 1, status: "WITHDRAWN" }]);
    expect(r.effects).toEqual(["update-committee", "update-reminder"]);
  });

  it("withdrawing an amendment keeps the approved plan", () => {
    const r = ok(transition(amending, { type: "withdraw" }, sec));
    expect(r.next).toMatchObject({
      state: "APPROVED",
      approvedRevision: 1,
      revisionStatus: "WITHDRAWN",
    });
  });

  it("nothing to withdraw on a draft, a returned or an approved list", () => {
    for (const list of [draft, returned, approved])
      expect(error(transition(list, { type: "withdraw" }, sec))).toBe("nothing-to-withdraw");
  });

  it("only the branch's secretaries may withdraw", () => {
    expect(error(transition(submitted, { type: "withdraw" }, chair))).toBe("not-secretary");
  });
});

describe("approving", () => {
  const approve: ListEvent = { type: "approve", revision: 1 };

  it("when a committee member approves, then the revision is in force, the plan is posted and the secretaries told", () => {
    const r = ok(transition(submitted, approve, chair));
    expect(r.next).toMatchObject({
      state: "APPROVED",
      approvedRevision: 1,
      revisionStatus: "APPROVED",
    });
    expect(r.revisions).toEqual([{ number: 1, status: "APPROVED" }]);
    expect(r.effects).toEqual([
      "update-committee",
      "update-reminder",
      "post-branch-plan",
      "dm-secretaries",
    ]);
  });

  it("a non-committee approver is refused, even the branch's secretary", () => {
    expect(error(transition(submitted, approve, member))).toBe("not-committee");
    expect(error(transition(submitted, approve, sec))).toBe("not-committee");
  });

  it("four eyes: a committee member who is the branch's secretary may not decide", () => {
    expect(error(transition(submitted, approve, deputy))).toBe("own-branch");
    expect(
      error(transition(submitted, { type: "return", revision: 1, comment: "x" }, deputy)),
    ).toBe("own-branch");
  });

  it("four eyes by person: the revision's submitter may not decide it, even without the secretary role", () => {
    // U0DEP submitted as secretary, then lost the role but stayed on the committee.
    const formerSec: Actor = { ...deputy, secretaryOf: [] };
    const theirs: ListSnapshot = { ...submitted, submittedBy: "U0DEP" };
    expect(error(transition(theirs, approve, formerSec))).toBe("own-submission");
    expect(
      error(transition(theirs, { type: "return", revision: 1, comment: "x" }, formerSec)),
    ).toBe("own-submission");
    expect(deciderRefusal(theirs, formerSec)).toBe("own-submission");
    expect(deciderRefusal(theirs, chair)).toBeNull();
    expect(transition(theirs, approve, chair).ok).toBe(true);
  });

  it("an already approved list can't be approved again", () => {
    expect(error(transition(approved, approve, chair))).toBe("already-decided");
  });

  it("a returned revision can't be approved", () => {
    expect(error(transition(returned, approve, chair))).toBe("already-decided");
  });

  it("a button of an older revision is stale", () => {
    const resubmitted: ListSnapshot = { ...submitted, revision: 2 };
    expect(error(transition(resubmitted, approve, chair))).toBe("stale-revision");
  });

  it("a withdrawn revision can't be decided", () => {
    const withdrawn: ListSnapshot = { ...draft, revision: 1, revisionStatus: "WITHDRAWN" };
    expect(error(transition(withdrawn, approve, chair))).toBe("nothing-to-decide");
  });
});

describe("returning", () => {
  it("when returned with a comment, then the branch gets the notice and the secretaries a DM; the comment is trimmed", () => {
    const r = ok(
      transition(
        submitted,
        { type: "return", revision: 1, comment: "  add the theme day  " },
        chair,
      ),
    );
    expect(r.next).toMatchObject({ state: "RETURNED", revisionStatus: "RETURNED" });
    expect(r.revisions).toEqual([{ number: 1, status: "RETURNED" }]);
    expect(r.effects).toEqual([
      "update-committee",
      "update-reminder",
      "post-branch-returned",
      "dm-secretaries",
    ]);
    expect(r.comment).toBe("add the theme day");
  });

  it("a return without a comment (or only spaces) is refused", () => {
    expect(error(transition(submitted, { type: "return", revision: 1, comment: "" }, chair))).toBe(
      "comment-required",
    );
    expect(
      error(transition(submitted, { type: "return", revision: 1, comment: " \n " }, chair)),
    ).toBe("comment-required");
  });

  it("a non-committee member can't return", () => {
    expect(
      error(transition(submitted, { type: "return", revision: 1, comment: "no" }, otherSec)),
    ).toBe("not-committee");
  });
});

describe("revising", () => {
  it("when a returned list is resubmitted, then revision 2 goes to the committee and the returned notice is updated", () => {
    const r = ok(transition(returned, { type: "resubmit" }, sec));
    expect(r.next).toMatchObject({ state: "SUBMITTED", revision: 2, revisionStatus: "SUBMITTED" });
    expect(r.revisions).toEqual([
      { number: 2, status: "SUBMITTED", created: true, isAmendment: false },
    ]);
    expect(r.effects).toEqual(["post-committee", "update-reminder", "update-branch-returned"]);
    expect(r.firstSubmission).toBe(false);
  });

  it("only a returned list can be resubmitted", () => {
    expect(error(transition(submitted, { type: "resubmit" }, sec))).toBe("not-returned");
    expect(error(transition(returned, { type: "resubmit" }, member))).toBe("not-secretary");
  });
});

describe("amending an approved plan", () => {
  it("when the secretary amends, then the new revision is under review and the approved one stays in force", () => {
    const r = ok(transition(approved, { type: "amend" }, sec));
    expect(r.next).toMatchObject({
      state: "APPROVED",
      approvedRevision: 1,
      revision: 2,
      revisionStatus: "SUBMITTED",
    });
    expect(r.revisions).toEqual([
      { number: 2, status: "SUBMITTED", created: true, isAmendment: true },
    ]);
    expect(amendmentUnderReview(r.next)).toBe(true);
    expect(r.firstSubmission).toBe(false);
  });

  it("when the amendment is approved, then it replaces the plan (the old revision superseded, the plan message updated)", () => {
    const r = ok(transition(amending, { type: "approve", revision: 2 }, chair));
    expect(r.next).toMatchObject({ approvedRevision: 2, revisionStatus: "APPROVED" });
    expect(r.revisions).toEqual([
      { number: 2, status: "APPROVED" },
      { number: 1, status: "SUPERSEDED" },
    ]);
    expect(r.effects).toContain("update-branch-plan");
    expect(r.effects).not.toContain("post-branch-plan");
  });

  it("when the amendment is returned, then the approved plan stays in force and can be amended again", () => {
    const r = ok(
      transition(amending, { type: "return", revision: 2, comment: "keep item 3" }, chair),
    );
    expect(r.next).toMatchObject({
      state: "APPROVED",
      approvedRevision: 1,
      revisionStatus: "RETURNED",
    });
    expect(submissionKind(r.next)).toBe("amend");
    const again = ok(transition(r.next, { type: "amend" }, sec));
    expect(again.next.revision).toBe(3);
    expect(again.effects).toContain("update-branch-returned");
  });

  it("one amendment at a time, and only on an approved list", () => {
    expect(error(transition(amending, { type: "amend" }, sec))).toBe("amendment-pending");
    expect(error(transition(submitted, { type: "amend" }, sec))).toBe("not-approved");
  });
});

describe("submissionKind", () => {
  it("names the modal's submission by state", () => {
    expect(submissionKind(draft)).toBe("submit");
    expect(submissionKind(returned)).toBe("resubmit");
    expect(submissionKind(approved)).toBe("amend");
    expect(submissionKind(submitted)).toBeNull();
    expect(submissionKind(amending)).toBeNull();
  });
});
