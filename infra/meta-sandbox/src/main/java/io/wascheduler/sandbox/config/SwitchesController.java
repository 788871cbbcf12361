package io.wascheduler.sandbox.config;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runtime switches for status webhooks and send latency. */
@RestController
@RequestMapping("/sandbox/config")
class SwitchesController {

    private final SwitchBoard switchBoard;

    SwitchesController(SwitchBoard switchBoard) {
        this.switchBoard = switchBoard;
    }

    @GetMapping
    Switches current() {
        return switchBoard.current();
    }

    @PutMapping
    Switches change(@Valid @RequestBody Switches change) {
        return switchBoard.apply(change);
    }
}
