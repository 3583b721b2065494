package com.etitle.voidnotice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolderNamesTest {

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
        "张小三, 张*三",
        "张三, 张*",
        "欧阳小明, 欧**明",
        "阿依古丽·买买提, 阿******提",
        "张, *",
        "𠀀小明, 𠀀*明"})
    void a_name_keeps_its_first_and_last_character_and_masks_each_one_between(String name, String shown) {
        assertThat(HolderNames.mask(name)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"张小三, 小", "欧阳小明, 阳小", "张三, 三"})
    void the_masked_characters_never_show(String name, String hidden) {
        assertThat(HolderNames.mask(name)).doesNotContain(hidden);
    }
}
