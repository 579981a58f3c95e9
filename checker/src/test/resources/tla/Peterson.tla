---------------------------- MODULE Peterson ----------------------------
(* Peterson's mutual exclusion for two processes, as in tcpcheck's test model *)
(* tcpcheck.checker.models.Peterson: the engine and TLC must agree on its     *)
(* number of distinct reachable states.                                       *)
EXTENDS Naturals

VARIABLES pc, flag, turn
vars == <<pc, flag, turn>>
Procs == {0, 1}

Init == /\ pc = [i \in Procs |-> 0]
        /\ flag = [i \in Procs |-> FALSE]
        /\ turn = 0

Step(i) ==
  LET j == 1 - i IN
  \/ /\ pc[i] = 0
     /\ pc' = [pc EXCEPT ![i] = 1]
     /\ flag' = [flag EXCEPT ![i] = TRUE]
     /\ UNCHANGED turn
  \/ /\ pc[i] = 1
     /\ pc' = [pc EXCEPT ![i] = 2]
     /\ turn' = j
     /\ UNCHANGED flag
  \/ /\ pc[i] = 2
     /\ (~flag[j] \/ turn = i)
     /\ pc' = [pc EXCEPT ![i] = 3]
     /\ UNCHANGED <<flag, turn>>
  \/ /\ pc[i] = 3
     /\ pc' = [pc EXCEPT ![i] = 0]
     /\ flag' = [flag EXCEPT ![i] = FALSE]
     /\ UNCHANGED turn

Next == \E i \in Procs : Step(i)

MutualExclusion == ~(pc[0] = 3 /\ pc[1] = 3)

(* Liveness. Each process weakly fair; or only process 1 (process 0 may     *)
(* stop anywhere); or that, with no behaviour stopping while a step is      *)
(* enabled (the engine's default semantics, Stuttering.FORBIDDEN).          *)
FairSpec == Init /\ [][Next]_vars /\ \A i \in Procs : WF_vars(Step(i))
OneFairSpec == Init /\ [][Next]_vars /\ WF_vars(Step(1))
OneFairNorStoppingSpec == OneFairSpec /\ WF_vars(Next)

(* A process that wants to enter gets in (no starvation).                   *)
NoStarvation == pc[0] = 1 ~> pc[0] = 3
(* Process 0 is in while process 1 waits, again and again: not so, the      *)
(* scheduler may always let process 0 in alone.                             *)
EnteredWhileOtherWaits == TRUE ~> (pc[0] = 3 /\ pc[1] = 2)
=============================================================================
