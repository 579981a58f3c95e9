------------------------------ MODULE TwoPhase ------------------------------
(***************************************************************************)
(* Two-phase commit, from Jim Gray and Leslie Lamport, "Consensus on       *)
(* Transaction Commit" (ACM TODS 31(1), 2006), as tlaplus/Examples models  *)
(* it (specifications/transaction_commit/TwoPhase.tla): safety only. This  *)
(* is tcpcheck's own text of that system, for the cross-validation of its *)
(* engine against TLC; the engine's port is                                 *)
(* tcpcheck.checker.models.TwoPhase. TLC finds 288 distinct states for     *)
(* three resource managers and 10,340,352 for nine.                        *)
(*                                                                         *)
(* A transaction manager (TM) and resource managers (RMs). An RM prepares, *)
(* and says so to the TM, or decides on its own to abort. The TM gathers   *)
(* the RMs' "Prepared" messages; once it has all of them it may commit,    *)
(* and before it decides it may abort. The RMs learn the decision from the *)
(* TM's message. A message, once sent, stays in the set of messages: it    *)
(* may be received again, to no effect, and losing one is not modelled,    *)
(* since a process may always ignore a message.                            *)
(***************************************************************************)
CONSTANT RM

VARIABLES rmState, tmState, tmPrepared, msgs
vars == <<rmState, tmState, tmPrepared, msgs>>

Messages == [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TypeOK == /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
          /\ tmState \in {"init", "committed", "aborted"}
          /\ tmPrepared \subseteq RM
          /\ msgs \subseteq Messages

Init == /\ rmState = [r \in RM |-> "working"]
        /\ tmState = "init"
        /\ tmPrepared = {}
        /\ msgs = {}

(* The TM's steps. *)
TMReceivesPrepared(r) == /\ tmState = "init"
                         /\ [type |-> "Prepared", rm |-> r] \in msgs
                         /\ tmPrepared' = tmPrepared \cup {r}
                         /\ UNCHANGED <<rmState, tmState, msgs>>
TMCommits == /\ tmState = "init" /\ tmPrepared = RM
             /\ tmState' = "committed" /\ msgs' = msgs \cup {[type |-> "Commit"]}
             /\ UNCHANGED <<rmState, tmPrepared>>
TMAborts == /\ tmState = "init"
            /\ tmState' = "aborted" /\ msgs' = msgs \cup {[type |-> "Abort"]}
            /\ UNCHANGED <<rmState, tmPrepared>>

(* An RM's steps. *)
Becomes(r, s) == rmState' = [rmState EXCEPT ![r] = s]
RMPrepares(r) == /\ rmState[r] = "working" /\ Becomes(r, "prepared")
                 /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
                 /\ UNCHANGED <<tmState, tmPrepared>>
RMAbortsAlone(r) == /\ rmState[r] = "working" /\ Becomes(r, "aborted")
                    /\ UNCHANGED <<tmState, tmPrepared, msgs>>
RMLearnsCommit(r) == /\ [type |-> "Commit"] \in msgs /\ Becomes(r, "committed")
                     /\ UNCHANGED <<tmState, tmPrepared, msgs>>
RMLearnsAbort(r) == /\ [type |-> "Abort"] \in msgs /\ Becomes(r, "aborted")
                    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

Next == \/ TMCommits \/ TMAborts
        \/ \E r \in RM : \/ TMReceivesPrepared(r) \/ RMPrepares(r) \/ RMAbortsAlone(r)
                         \/ RMLearnsCommit(r) \/ RMLearnsAbort(r)

Spec == Init /\ [][Next]_vars

(* No RM commits while another aborts (TCommit's consistency).             *)
Consistent == \A r1, r2 \in RM : ~(rmState[r1] = "committed" /\ rmState[r2] = "aborted")
=============================================================================
