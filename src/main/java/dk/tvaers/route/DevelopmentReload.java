package dk.tvaers.route;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** With the profile {@code dev}, the processes folder is watched and a saved file redeployed ({@link ProcessFolderWatcher}). */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevelopmentReload {

    @Bean(destroyMethod = "close")
    ProcessFolderWatcher processFolderWatcher(@Value("${tvaers.processes.dir:processes}") Path folder, ProcessDeployments deployments,
                                              RouteDeployer startupDeployDone) {
        return new ProcessFolderWatcher(folder, deployments).start();
    }
}
