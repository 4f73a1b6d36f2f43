package dev.steward.request.steps;

import dev.steward.request.execution.Execution;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.lifecycle.StepPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The lifecycle's view of the steps: the plan per type, and scheduling what has no persisted progress yet. */
@ApplicationScoped
public class StepProgress implements StepPlan {

    private final Execution execution;

    public StepProgress(Execution execution) {
        this.execution = execution;
    }

    @Override
    public String describe(RequestType type) {
        return Step.plan(type).toString();
    }

    @Override
    public void scheduleNext(Request r) {
        List<String> done = StepResult.doneSteps(r.id);
        List<Step> plan = Step.plan(r.type);
        for (Step step : plan) {
            if (!done.contains(step.name())) {
                // the further a request has come, the sooner its next step: finishing what is started
                // comes before starting more
                execution.schedule(StepTask.NAME, r.id + "/" + r.round + "/" + step.name(), plan.indexOf(step));
                return;
            }
        }
    }

    @Override
    public void forgetHoldCheck(UUID requestId) {
        StepResult.delete("key.requestId = ?1 and key.step = ?2", requestId, Step.CHECK_HOLDS.name());
    }
}
