package dk.tvaers.meetings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox's retry runs on Spring's scheduler (the engine's job executor runs the route), and mail
 * goes out on one thread of its own after each commit, so no request waits for the mail server.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MeetingsConfiguration {

    @Bean
    ThreadPoolTaskExecutor mailExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("tvaers-mail-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        // Dispatching sends everything pending; more than a few waiting rounds add nothing.
        executor.setQueueCapacity(10);
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
